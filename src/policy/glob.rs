//! A small glob (`*` any run, `?` one character) for the validator's own reasoning about
//! actions and resources (which trust actions a pattern allows, which value covers another).
//! Request matching is `crate::matching`'s job; this only compares policy text with policy text.

/// Whether `pattern` matches `text`. Iterative with one backtrack point, so linear-ish and
/// never recursive. `fold` compares ASCII case-insensitively (actions).
pub fn glob(pattern: &str, text: &str, fold: bool) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| {
        if fold {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || same(c, t[ti]) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi.min(p.len())..].iter().all(|&c| c == '*')
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains('*') || s.contains('?')
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        let cases = [
            ("iam:Pass*", "iam:PassRole", true, true),
            ("iam:pass?ole", "iam:PassRole", true, true),
            ("iam:pass?ole", "iam:PassRole", false, false),
            ("*", "", false, true),
            ("a*b*c", "aXbYbZc", false, true),
            ("a*b", "a", false, false),
            ("s3:Get*", "s3:GetObject*", true, true),
            ("日本*", "日本語", false, true),
        ];
        for (p, t, fold, want) in cases {
            assert_eq!(glob(p, t, fold), want, "{p} vs {t}");
        }
    }
}
