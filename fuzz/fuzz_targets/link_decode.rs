//! The share-link decoder: a fragment from a stranger's link gives a scenario text or an error.
//!
//! Random text almost never holds valid DEFLATE, so the first byte picks a mode: the rest is
//! either the link text itself, or a payload that this target deflates and wraps as a link
//! (`#s1.` and base64url) so that inflating, UTF-8 checking and JSON parsing are reached too.
//! A decoded text must encode again: decode accepted it as JSON within the limits.
#![no_main]

use iam_playground::scenario::link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = data.split_first() else {
        return;
    };
    let input = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let packed = miniz_oxide::deflate::compress_to_vec(rest, 6);
        format!("#s1.{}", base64url(&packed))
    };
    if let Ok(decoded) = link::decode(&input) {
        if let Err(e) = link::encode(&decoded) {
            panic!(
                "decode accepted a scenario that encode refuses: {}",
                e.message()
            );
        }
    }
});

/// RFC 4648 §5 base64url without padding, as share links carry it.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}
