//! The format of condition values, by operator family.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators" (semantics notes
//! §6.1): numbers are integers or decimals; dates are W3C ISO 8601 or epoch seconds; IP
//! operators take CIDR ranges (a bare address is a /32 or /128); `Bool` and `Null` take `true`
//! or `false`; `BinaryEquals` takes base64. Access Analyzer reports the mismatches as general
//! warnings ("Type mismatch ...", IAM policy validation check reference) and an impossible date
//! as a warning ("Invalid date value"); IAM stores such a policy. The ARN and base64 checks are
//! ours, and errors.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::condition::{Family, Operator};
use crate::lang::say;
use crate::policy::codes;
use crate::policy::reader::Reader;
use crate::policy::Place;

pub(crate) fn check(r: &mut Reader, op: &Operator, value: &str, at: &Place) {
    if value.contains("${") {
        return; // checked by `variables`; its value is known only per request
    }
    let name = &op.raw;
    let lang = r.lang;
    let (code, wanted) = match op.test.family() {
        Family::Bool | Family::Null if !matches!(value, "true" | "false") => (
            codes::TYPE_MISMATCH_BOOLEAN,
            lang.pick("`true` or `false`", "`true` または `false`"),
        ),
        Family::Numeric if !is_number(value) => (
            codes::TYPE_MISMATCH_NUMBER,
            lang.pick(
                "a number such as `10` or `2.5`",
                "`10` や `2.5` のような数値",
            ),
        ),
        Family::Ip if !is_cidr(value) => (
            codes::TYPE_MISMATCH_IP_RANGE,
            lang.pick(
                "an IP address or CIDR range such as `203.0.113.0/24` or `2001:db8::/32`",
                "`203.0.113.0/24` や `2001:db8::/32` のような IP アドレスまたは CIDR 範囲",
            ),
        ),
        Family::Arn if !(value.starts_with("arn:") || value.starts_with('*')) => (
            codes::TYPE_MISMATCH_ARN,
            lang.pick(
                "an ARN such as `arn:aws:iam::123456789012:role/NAME`",
                "`arn:aws:iam::123456789012:role/NAME` のような ARN",
            ),
        ),
        Family::Binary if !is_base64(value) => (
            codes::TYPE_MISMATCH_BINARY,
            lang.pick("base64 text", "base64 のテキスト"),
        ),
        Family::Date => match check_date(value) {
            DateCheck::Valid => return,
            DateCheck::NotADate => (
                codes::TYPE_MISMATCH_DATE,
                lang.pick(
                    "a date such as `2024-06-30T23:59:59Z` or epoch seconds",
                    "`2024-06-30T23:59:59Z` のような日付、またはエポック秒",
                ),
            ),
            DateCheck::OutOfRange => {
                let message = say!(lang,
                    "`{value}` under `{name}` is not a real date or time (a month, day, hour, minute or second out of range): correct it.",
                    "`{name}` の `{value}` は実在する日付や時刻ではありません (月、日、時、分、秒のいずれかが範囲外です)。修正してください。");
                r.report(codes::INVALID_DATE_VALUE, message, at);
                return;
            }
        },
        _ => return,
    };
    let message = say!(
        lang,
        "`{value}` is not valid for `{name}`, which takes {wanted}.",
        "`{value}` は `{name}` の値として無効です。指定できる値: {wanted}。"
    );
    r.report(code, message, at);
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn is_number(v: &str) -> bool {
    let v = v.strip_prefix('-').unwrap_or(v);
    match v.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(v),
    }
}

fn is_cidr(v: &str) -> bool {
    let (addr, prefix) = match v.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (v, None),
    };
    let max = if addr.parse::<Ipv4Addr>().is_ok() {
        32
    } else if addr.parse::<Ipv6Addr>().is_ok() {
        128
    } else {
        return false;
    };
    prefix.is_none_or(|p| digits(p) && p.len() <= 3 && p.parse::<u32>().is_ok_and(|n| n <= max))
}

fn is_base64(v: &str) -> bool {
    let body = v.trim_end_matches('=');
    v.len() % 4 == 0
        && v.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[derive(Debug, PartialEq, Eq)]
enum DateCheck {
    Valid,
    NotADate,
    OutOfRange,
}

/// Epoch seconds, or `YYYY-MM-DD` optionally followed by `Thh:mm[:ss[.fff]]` and `Z` or
/// `±hh:mm`.
fn check_date(v: &str) -> DateCheck {
    if digits(v) {
        return DateCheck::Valid;
    }
    let field = |range: std::ops::Range<usize>| {
        v.get(range)
            .filter(|s| digits(s))
            .and_then(|s| s.parse::<u32>().ok())
    };
    let sep = |i: usize, c: u8| v.as_bytes().get(i) == Some(&c);
    let (Some(_), Some(month), Some(day)) = (field(0..4), field(5..7), field(8..10)) else {
        return DateCheck::NotADate;
    };
    if !sep(4, b'-') || !sep(7, b'-') {
        return DateCheck::NotADate;
    }
    let mut in_range = (1..=12).contains(&month) && (1..=31).contains(&day);
    let time = &v[10..];
    if !time.is_empty() {
        let Some(rest) = time.strip_prefix('T') else {
            return DateCheck::NotADate;
        };
        match check_time(rest) {
            Some(ok) => in_range &= ok,
            None => return DateCheck::NotADate,
        }
    }
    if in_range {
        DateCheck::Valid
    } else {
        DateCheck::OutOfRange
    }
}

/// `hh:mm[:ss[.fff]][Z|±hh:mm]`: `None` when malformed, else whether the fields are in range.
fn check_time(t: &str) -> Option<bool> {
    let two = |s: &str, at: usize| {
        s.get(at..at + 2)
            .filter(|f| digits(f))
            .and_then(|f| f.parse::<u32>().ok())
    };
    let (hour, minute) = (two(t, 0)?, two(t, 3)?);
    if t.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let mut ok = hour <= 23 && minute <= 59;
    let mut rest = &t[5..];
    if let Some(s) = rest.strip_prefix(':') {
        ok &= two(s, 0)? <= 60;
        rest = &s[2..];
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = &frac[n..];
        }
    }
    match rest {
        "" | "Z" => Some(ok),
        zone if zone.starts_with('+') || zone.starts_with('-') => {
            let z = &zone[1..];
            let (h, m) = (two(z, 0)?, two(z, 3)?);
            (z.len() == 5 && z.as_bytes()[2] == b':').then_some(ok && h <= 23 && m <= 59)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        use DateCheck::*;
        let cases = [
            ("2024-06-30", Valid),
            ("2024-06-30T23:59:59Z", Valid),
            ("2024-06-30T23:59:59.123Z", Valid),
            ("2024-06-30T23:59+09:00", Valid),
            ("1719791999", Valid),
            ("2024-13-01T00:00:00Z", OutOfRange),
            ("2024-06-30T24:00:00Z", OutOfRange),
            ("yesterday", NotADate),
            ("2024/06/30", NotADate),
            ("2024-06-30 10:00", NotADate),
            ("2024-06-30T10", NotADate),
            ("２０２４-06-30", NotADate),
        ];
        for (v, want) in cases {
            assert_eq!(check_date(v), want, "{v}");
        }
    }

    #[test]
    fn numbers_cidrs_base64() {
        assert!(is_number("10") && is_number("-2.5") && !is_number("1e3") && !is_number("."));
        assert!(is_cidr("203.0.113.0/24") && is_cidr("203.0.113.7") && is_cidr("2001:db8::/32"));
        assert!(!is_cidr("203.0.113.0/33") && !is_cidr("10.0.0") && !is_cidr("::/129"));
        assert!(is_base64("QmluYXJ5VmFsdWU=") && !is_base64("not base64!"));
    }
}
