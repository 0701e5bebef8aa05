//! `BinaryEquals`: base64 values compared byte for byte.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", binary condition
//! operators (the policy value is base64-encoded; the comparison is of the bytes).

fn sextet(b: u8) -> Option<u32> {
    Some(u32::from(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

/// Decodes standard base64; `=` padding is optional but, when present, must be correct.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    if padding > 2 || (padding > 0 && text.len() % 4 != 0) || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.as_bytes().chunks(4) {
        let mut acc = 0u32;
        for &b in chunk {
            acc = (acc << 6) | sextet(b)?;
        }
        acc <<= 6 * (4 - chunk.len() as u32);
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64() {
        let table: &[(&str, Option<&[u8]>)] = &[
            ("QmluYXJ5VmFsdWVJbkJhc2U2NA==", Some(b"BinaryValueInBase64")),
            ("QmluYXJ5VmFsdWVJbkJhc2U2NA", Some(b"BinaryValueInBase64")),
            ("YQ==", Some(b"a")),
            ("YWI=", Some(b"ab")),
            ("YWJj", Some(b"abc")),
            ("", Some(b"")),
            ("Y", None),
            ("YQ=", None),
            ("Y!==", None),
            ("YQ===", None),
        ];
        for &(text, expected) in table {
            assert_eq!(decode(text).as_deref(), expected, "{text}");
        }
    }
}
