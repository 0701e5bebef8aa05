//! JSON pointers (RFC 6901), the address every finding carries into the document.

/// A JSON pointer such as `/roles/0/trust/Statement/0/Principal`.
pub type Pointer = String;

/// What a reference token is made from: an object key or an array index.
///
/// Readers build a pointer for many of the values they visit, so tokens are written straight
/// into the pointer, without the formatting machinery a `Display` bound would bring in.
pub trait Token {
    /// Appends the token, with `~` as `~0` and `/` as `~1` as RFC 6901 requires.
    fn push_to(&self, out: &mut String);
    /// The token's length before escaping, to size the pointer once.
    fn len_hint(&self) -> usize;
}

impl Token for str {
    fn push_to(&self, out: &mut String) {
        let mut s = self;
        // A byte search: `~` and `/` are ASCII, so `at` is a character boundary.
        while let Some(at) = s.bytes().position(|b| b == b'~' || b == b'/') {
            out.push_str(&s[..at]);
            out.push_str(if s.as_bytes()[at] == b'~' { "~0" } else { "~1" });
            s = &s[at + 1..];
        }
        out.push_str(s);
    }

    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Token for String {
    fn push_to(&self, out: &mut String) {
        self.as_str().push_to(out);
    }

    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Token for usize {
    fn push_to(&self, out: &mut String) {
        let mut buf = [0; 20];
        let digits = super::decimal(*self as u64, &mut buf);
        out.extend(digits.iter().map(|&d| char::from(d)));
    }

    fn len_hint(&self) -> usize {
        20
    }
}

impl<T: Token + ?Sized> Token for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }

    fn len_hint(&self) -> usize {
        (**self).len_hint()
    }
}

/// `base` followed by one more reference token, escaped as RFC 6901 requires.
pub fn pointer_push(base: &str, token: impl Token) -> Pointer {
    let mut out = String::with_capacity(base.len() + 1 + token.len_hint());
    out.push_str(base);
    out.push('/');
    token.push_to(&mut out);
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
        assert_eq!(pointer_push("/a", 1234567890usize), "/a/1234567890");
        assert_eq!(pointer_push("/a", usize::MAX), format!("/a/{}", usize::MAX));
        assert_eq!(pointer_push("/a", String::from("x/y")), "/a/x~1y");
        let steps = [Step::Key("a/b"), Step::Index(3), Step::Key("~")];
        assert_eq!(pointer_of("/x", &steps), "/x/a~1b/3/~0");
        let long = "arn:aws:iam::111122223333:role/a-role-name-longer-than-the-guess";
        assert_eq!(
            pointer_push("/roles", long),
            format!("/roles/{}", long.replace('/', "~1"))
        );
    }
}
