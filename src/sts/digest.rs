//! Small, dependency-free digests: SHA-1 and Base64 for `saml:namequalifier`, and the stable
//! role ids the scenario needs because it has no real ones.

/// A deterministic role id, `AROA` followed by 16 upper-case letters and digits, derived from
/// the role ARN (see [`unique_id`]).
pub fn role_id(role_arn: &str) -> String {
    unique_id("AROA", role_arn)
}

/// A role session's id, `ROLEID:SESSION`, as `aws:userid` and `AssumedRoleId` give it.
pub fn assumed_role_id(role_arn: &str, session_name: &str) -> String {
    session_id(&role_id(role_arn), session_name)
}

/// [`assumed_role_id`] from the role's id, when it is already known.
pub fn session_id(role_id: &str, session_name: &str) -> String {
    [role_id, ":", session_name].concat()
}

/// A deterministic IAM unique id: `prefix` (`AROA` for roles, `AIDA` for users) followed by 16
/// upper-case letters and digits derived from the ARN. AWS assigns unique ids at random when an
/// entity is created; a scenario has none, so the same ARN must always give the same id
/// (`aws:userid`, IAM identifiers page). The characters come from SHA-1 of the ARN mapped onto
/// `A`–`Z`, `2`–`7`.
pub fn unique_id(prefix: &str, arn: &str) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let digest = sha1(arn.as_bytes());
    let mut id = String::with_capacity(prefix.len() + 16);
    id.push_str(prefix);
    for byte in digest.iter().take(16) {
        id.push(char::from(ALPHABET[usize::from(byte % 32)]));
    }
    id
}

/// SHA-1 (FIPS 180-4). Used only where AWS itself uses it, never for security.
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let blocks = data.chunks_exact(64);
    let rest = blocks.remainder();
    for block in blocks {
        compress(&mut h, block);
    }
    // The padding (`0x80`, zeros, the length in bits) goes after the last partial block, on
    // the stack: an ARN is hashed on every request, so no copy of the message is made.
    let mut tail = [0u8; 128];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let tail_len = if rest.len() < 56 { 64 } else { 128 };
    let bit_len = (data.len() as u64).wrapping_mul(8);
    tail[tail_len - 8..tail_len].copy_from_slice(&bit_len.to_be_bytes());
    for block in tail[..tail_len].chunks_exact(64) {
        compress(&mut h, block);
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h.iter()) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn compress(h: &mut [u32; 5], block: &[u8]) {
    let mut w = [0u32; 80];
    for (i, bytes) in block.chunks_exact(4).enumerate().take(16) {
        w[i] = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    for i in 16..80 {
        w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *h;
    for (i, word) in w.iter().enumerate() {
        let (f, k) = match i {
            0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
            20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
            40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
            _ => (b ^ c ^ d, 0xCA62_C1D6),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(*word);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = t;
    }
    for (slot, value) in h.iter_mut().zip([a, b, c, d, e]) {
        *slot = slot.wrapping_add(value);
    }
}

/// Standard Base64 with padding (RFC 4648 §4).
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_matches_the_fips_test_vectors() {
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(&sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        // Longer than one block, and a whole number of blocks: the padding's other cases.
        assert_eq!(
            hex(&sha1(b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")),
            "a49b2446a02c645bf419f995b67091253a04a259"
        );
        assert_eq!(
            hex(&sha1(&vec![b'a'; 1_000_000])),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    #[test]
    fn sha1_pads_every_tail_length() {
        // `sha1sum` of that many `x`: the tail fits one block up to 55 bytes, needs two from 56.
        for (len, expected) in [
            (55, "cef734ba81a024479e09eb5a75b6ddae62e6abf1"),
            (56, "901305367c259952f4e7af8323f480d59f81335b"),
            (63, "0ddc4e0cccd9a12850deb5abb0853a4425559fec"),
            (64, "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163"),
            (119, "4300320394f7ee239bcdce7d3b8bcee173a0cd5c"),
            (120, "ceb2821639c4b6dcb10bce0e522ca2e608ce056d"),
        ] {
            assert_eq!(hex(&sha1(&vec![b'x'; len])), expected, "{len} bytes");
        }
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn role_ids_are_stable_and_shaped_like_aws_ids() {
        let a = role_id("arn:aws:iam::111122223333:role/app/Deployer");
        assert_eq!(a, role_id("arn:aws:iam::111122223333:role/app/Deployer"));
        assert_ne!(a, role_id("arn:aws:iam::111122223333:role/app/Other"));
        let user = unique_id("AIDA", "arn:aws:iam::111122223333:user/alice");
        assert!(user.starts_with("AIDA") && user.len() == 20, "{user}");
        assert_eq!(a.len(), 20);
        assert!(a.starts_with("AROA"));
        assert!(a
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    }
}
