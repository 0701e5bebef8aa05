//! JSON pointers (RFC 6901), the address every finding carries into the document.

use std::fmt::Write;

/// A JSON pointer such as `/roles/0/trust/Statement/0/Principal`.
pub type Pointer = String;

/// `base` followed by one more reference token, escaped as RFC 6901 requires.
///
/// Readers build one for nearly every value they visit, so the token is formatted straight into
/// the result (no intermediate `String`) and copied a slice at a time between escapes.
pub fn pointer_push(base: &str, token: impl std::fmt::Display) -> Pointer {
    /// Room for a typical token (a key such as `Condition`, an index), so most pointers are
    /// allocated once.
    const TOKEN_GUESS: usize = 16;
    let mut out = String::with_capacity(base.len() + 1 + TOKEN_GUESS);
    out.push_str(base);
    out.push('/');
    // Writing to a String cannot fail, and Display implementations only fail when it does.
    let _ = write!(Escaped(&mut out), "{token}");
    out
}

/// One reference token of a pointer not yet written: readers keep these while they walk a
/// document and write the pointer only when they report something, as most values have nothing
/// to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `base` followed by `steps`, as [`pointer_push`] would write it one step at a time.
pub fn pointer_of(base: &str, steps: &[Step<'_>]) -> Pointer {
    steps
        .iter()
        .fold(base.to_string(), |pointer, step| match step {
            Step::Key(key) => pointer_push(&pointer, key),
            Step::Index(i) => pointer_push(&pointer, i),
        })
}

/// Appends what is written to it with `~` as `~0` and `/` as `~1`.
struct Escaped<'a>(&'a mut String);

impl Write for Escaped<'_> {
    fn write_str(&mut self, mut s: &str) -> std::fmt::Result {
        // A byte search: `~` and `/` are ASCII, so `at` is a character boundary.
        while let Some(at) = s.bytes().position(|b| b == b'~' || b == b'/') {
            self.0.push_str(&s[..at]);
            self.0
                .push_str(if s.as_bytes()[at] == b'~' { "~0" } else { "~1" });
            s = &s[at + 1..];
        }
        self.0.push_str(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(pointer_push("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer_push("", 0), "/0");
        assert_eq!(pointer_push("/x", "~/~~//"), "/x/~0~1~0~0~1~1");
        assert_eq!(pointer_push("/部署", "開発/😀~"), "/部署/開発~1😀~0");
        assert_eq!(pointer_push("", ""), "/");
        let steps = [Step::Key("a/b"), Step::Index(3), Step::Key("~")];
        assert_eq!(pointer_of("/x", &steps), "/x/a~1b/3/~0");
        let long = "arn:aws:iam::111122223333:role/a-role-name-longer-than-the-guess";
        assert_eq!(
            pointer_push("/roles", long),
            format!("/roles/{}", long.replace('/', "~1"))
        );
    }
}
