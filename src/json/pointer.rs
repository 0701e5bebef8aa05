//! JSON pointers (RFC 6901), the address every finding carries into the document.

/// A JSON pointer such as `/roles/0/trust/Statement/0/Principal`.
pub type Pointer = String;

/// `base` followed by one more reference token, escaped as RFC 6901 requires.
pub fn pointer_push(base: &str, token: impl std::fmt::Display) -> Pointer {
    let token = token.to_string();
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(pointer_push("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer_push("", 0), "/0");
    }
}
