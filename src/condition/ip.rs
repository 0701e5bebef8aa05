//! `IpAddress` and `NotIpAddress`: CIDR ranges, IPv4 and IPv6.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", IP address condition
//! operators (RFC 4632 CIDR; a bare address is the single address, /32 or /128).

use std::net::IpAddr;

/// A range of addresses of one family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cidr {
    v6: bool,
    network: u128,
    prefix: u8,
}

fn bits(ip: IpAddr) -> (bool, u128) {
    match ip {
        IpAddr::V4(v4) => (false, u128::from(u32::from(v4))),
        IpAddr::V6(v6) => (true, u128::from(v6)),
    }
}

fn mask(v6: bool, prefix: u8) -> u128 {
    let width: u32 = if v6 { 128 } else { 32 };
    let prefix = u32::from(prefix).min(width);
    if prefix == 0 {
        return 0;
    }
    let all = if v6 { u128::MAX } else { u128::from(u32::MAX) };
    all & !((1u128 << (width - prefix)) - 1)
}

/// Reads `address` or `address/prefix`.
pub(crate) fn parse_cidr(text: &str) -> Option<Cidr> {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let (v6, network) = bits(address.parse().ok()?);
    let max = if v6 { 128 } else { 32 };
    let prefix = match prefix {
        Some(p) if !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse::<u8>().ok().filter(|p| *p <= max)?
        }
        Some(_) => return None,
        None => max,
    };
    Some(Cidr {
        v6,
        network: network & mask(v6, prefix),
        prefix,
    })
}

/// Reads a request's address (no prefix).
pub(crate) fn parse_address(text: &str) -> Option<IpAddr> {
    text.parse().ok()
}

impl Cidr {
    pub(crate) fn contains(&self, ip: IpAddr) -> bool {
        let (v6, value) = bits(ip);
        v6 == self.v6 && value & mask(v6, self.prefix) == self.network
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_contain_addresses() {
        let table: &[(&str, &str, bool)] = &[
            ("203.0.113.0/24", "203.0.113.7", true),
            ("203.0.113.0/24", "198.51.100.7", false),
            ("203.0.113.7", "203.0.113.7", true),
            ("203.0.113.7", "203.0.113.8", false),
            ("203.0.113.7/24", "203.0.113.200", true),
            ("0.0.0.0/0", "198.51.100.7", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1", false),
            ("::/0", "2001:db8::1", true),
            ("::/0", "203.0.113.7", false),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("2001:db8::1", "2001:db8::1", true),
        ];
        for &(range, address, expected) in table {
            let cidr = parse_cidr(range).unwrap();
            let ip = parse_address(address).unwrap();
            assert_eq!(cidr.contains(ip), expected, "{range} ∋ {address}");
        }
        for bad in [
            "203.0.113.0/33",
            "203.0.113/24",
            "::/129",
            "10.0.0.1/",
            "10.0.0.1/x",
            "host",
        ] {
            assert_eq!(parse_cidr(bad), None, "{bad}");
        }
    }
}
