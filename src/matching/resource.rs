//! Resource patterns: ARNs matched as AWS matches `Resource`, with policy variables.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Resource" (segment rules, see
//! [`super::arn_pattern`]; matching is case-sensitive: "the IAM user name is case sensitive")
//! and "Policy variables" (variables only in the resource segment, semantics notes §6.3).

use super::arn_pattern::{
    arn_match, literal, prefix_tokens, resource_token, resource_tokens, split_resource, ArnGlob,
    ArnToken, TokenBuf,
};
use super::wildcard::{token_of, tokens_of};
use crate::condition::variables::{parse, resolve, Piece};
use crate::condition::RequestContext;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Compiled {
    /// `"*"`.
    All,
    /// No variables: compiled once.
    Fixed(ArnGlob),
    /// Variables in the resource segment, substituted per request.
    Template(Template),
}

/// A pattern with policy variables, kept as the literal text every match starts with (the
/// pattern up to its first wildcard or variable, which turns most other resources away before
/// anything is substituted) and the parts after it, whose tokens are assembled per request.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Template {
    head: String,
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// Tokens known when the policy is read: written text (its `*` and `?` are wildcards) and
    /// `${*}`, `${?}`, `${$}` (literal characters).
    Tokens(Vec<ArnToken>),
    /// A variable: its value's characters, all literal, so a value with a `*` cannot widen the
    /// pattern.
    Variable {
        key: String,
        default: Option<String>,
    },
}

impl Template {
    fn new(prefix: Vec<ArnToken>, pieces: Vec<Piece>) -> Template {
        let mut parts = vec![Part::Tokens(prefix)];
        for piece in pieces {
            match piece {
                Piece::Text(t) => push_tokens(&mut parts, resource_tokens(tokens_of(&t))),
                Piece::Literal(c) => push_tokens(&mut parts, vec![ArnToken::Char(c)]),
                Piece::Variable { key, default } => parts.push(Part::Variable { key, default }),
            }
        }
        let head = match parts.first_mut() {
            Some(Part::Tokens(tokens)) => take_literal_head(tokens),
            _ => String::new(),
        };
        parts.retain(|p| !matches!(p, Part::Tokens(t) if t.is_empty()));
        Template { head, parts }
    }

    /// Substitutes into a buffer on the stack and matches; `None` when a variable cannot be
    /// resolved (the pattern then matches nothing).
    fn matches(&self, resource: &str, context: &RequestContext) -> Option<bool> {
        let Some(rest) = resource.strip_prefix(self.head.as_str()) else {
            return Some(false);
        };
        let mut tokens = TokenBuf::new();
        for part in &self.parts {
            match part {
                Part::Tokens(fixed) => fixed.iter().for_each(|&t| tokens.push(t)),
                Part::Variable { key, default } => resolve(key, default.as_deref(), context)?
                    .chars()
                    .for_each(|c| tokens.push(ArnToken::Char(c))),
            }
        }
        Some(arn_match(tokens.as_slice(), rest))
    }
}

/// Appends tokens, joining them to the last part when it holds tokens too.
fn push_tokens(parts: &mut Vec<Part>, tokens: Vec<ArnToken>) {
    match parts.last_mut() {
        Some(Part::Tokens(last)) => last.extend(tokens),
        _ => parts.push(Part::Tokens(tokens)),
    }
}

/// Removes the literal tokens before the first wildcard and returns their text.
fn take_literal_head(tokens: &mut Vec<ArnToken>) -> String {
    let count = tokens
        .iter()
        .take_while(|t| matches!(t, ArnToken::Char(_)))
        .count();
    let head = literal(&tokens[..count]);
    tokens.drain(..count);
    head
}

/// A compiled `Resource`/`NotResource` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourcePattern {
    raw: String,
    compiled: Compiled,
}

impl ResourcePattern {
    /// Compiles a value as written. `variables` is true under `Version: 2012-10-17`, where
    /// `${...}` in the resource part is a policy variable; otherwise it is literal text.
    pub fn new(raw: &str, variables: bool) -> ResourcePattern {
        ResourcePattern {
            raw: raw.to_string(),
            compiled: compile(raw, variables),
        }
    }

    /// Whether the pattern matches `resource`; variables resolve from `context`, and an
    /// unresolvable variable makes the pattern match nothing.
    pub fn matches(&self, resource: &str, context: &RequestContext) -> bool {
        match &self.compiled {
            Compiled::All => true,
            Compiled::Fixed(glob) => glob.matches(resource),
            Compiled::Template(template) => template.matches(resource, context).unwrap_or(false),
        }
    }

    /// Whether the pattern holds policy variables resolved per request.
    pub fn has_variables(&self) -> bool {
        matches!(self.compiled, Compiled::Template(_))
    }

    /// The pattern's policy variables (`aws:PrincipalTag/team`) with what each resolves to for
    /// this request (none: unresolved, so the pattern matches nothing), for the explanation.
    pub fn variables<'a>(
        &'a self,
        context: &'a RequestContext,
    ) -> impl Iterator<Item = (&'a str, Option<&'a str>)> {
        let parts = match &self.compiled {
            Compiled::Template(template) => template.parts.as_slice(),
            _ => &[],
        };
        parts.iter().filter_map(move |part| match part {
            Part::Variable { key, default } => {
                Some((key.as_str(), resolve(key, default.as_deref(), context)))
            }
            Part::Tokens(_) => None,
        })
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }
}

fn compile(raw: &str, variables: bool) -> Compiled {
    if raw == "*" {
        return Compiled::All;
    }
    let (prefix, resource) = split_resource(raw);
    let mut tokens = prefix_tokens(prefix);
    let Some(resource) = resource else {
        return Compiled::Fixed(ArnGlob::new(&tokens));
    };
    // Without `${` there is no variable, and the resource part is plain glob text.
    if variables && resource.contains("${") {
        let pieces = parse(resource);
        if pieces.iter().any(|p| !matches!(p, Piece::Text(_))) {
            return Compiled::Template(Template::new(tokens, pieces));
        }
    }
    // Tokens straight from the characters, in a vector sized once.
    tokens.reserve(resource.len());
    tokens.extend(resource.chars().map(token_of).map(resource_token));
    Compiled::Fixed(ArnGlob::new(&tokens))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::condition::ContextValue;

    fn context() -> RequestContext {
        let mut ctx = RequestContext::new();
        ctx.set_derived("aws:username", ContextValue::Single("Bob".into()));
        ctx.set_derived("aws:PrincipalTag/team", ContextValue::Single("blue".into()));
        ctx
    }

    const BUCKET: &str = "arn:aws:s3:::amzn-s3-demo-bucket";

    #[test]
    fn resource_page_examples() {
        // The S3 example of the Resource page: `*` spans `/` within the resource segment.
        let pattern = ResourcePattern::new(&format!("{BUCKET}/*/test/*"), true);
        let ctx = RequestContext::new();
        for key in [
            "1/test/object.jpg",
            "1/2/test/object.jpg",
            "1/2/test/3/object.jpg",
            "1/2/3/test/4/object.jpg",
            "1///test///object.jpg",
            "1/test/.jpg",
            "/test/object.jpg",
            "1/test/",
        ] {
            assert!(pattern.matches(&format!("{BUCKET}/{key}"), &ctx), "{key}");
        }
        for key in ["1-test/object.jpg", "test/object.jpg", "1/2/test.jpg"] {
            assert!(!pattern.matches(&format!("{BUCKET}/{key}"), &ctx), "{key}");
        }
    }

    #[test]
    fn segments_colons_and_case() {
        let ctx = RequestContext::new();
        let table: &[(&str, &str, bool)] = &[
            ("*", "arn:aws:iam::123456789012:user/Bob", true),
            (
                "arn:aws:iam::123456789012:user/Bob",
                "arn:aws:iam::123456789012:user/Bob",
                true,
            ),
            (
                "arn:aws:iam::123456789012:user/Bob",
                "arn:aws:iam::123456789012:user/bob",
                false,
            ),
            (
                "arn:aws:iam::123456789012:user/accounting/*",
                "arn:aws:iam::123456789012:user/accounting/Ana",
                true,
            ),
            (
                "arn:aws:iam::123456789012:user/accounting/*",
                "arn:aws:iam::123456789012:user/sales/Ana",
                false,
            ),
            (
                "arn:aws:sqs:us-east-2:*:queue1",
                "arn:aws:sqs:us-east-2:123456789012:queue1",
                true,
            ),
            (
                "arn:aws:sqs:us-*:123456789012:queue?",
                "arn:aws:sqs:us-west-1:123456789012:queue7",
                true,
            ),
            // A `*` in the middle of a segment stays inside it.
            (
                "arn:aws:sqs:us-*-1:123456789012:q",
                "arn:aws:sqs:us-east:x-1:123456789012:q",
                false,
            ),
            // A `*` ending a segment extends beyond the colons.
            (
                "arn:aws:ec2:*",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
                true,
            ),
            (
                "arn:aws:ec2:us-east-1:*",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
                true,
            ),
            (
                "arn:aws:ec2:*:instance/*",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
                true,
            ),
            ("arn:aws:ec2:*", "arn:aws:s3:::bucket", false),
            // No wildcard in the service segment.
            (
                "arn:aws:*:us-east-1:123456789012:q",
                "arn:aws:sqs:us-east-1:123456789012:q",
                false,
            ),
            // The resource segment may hold colons, and its `*` spans them.
            (
                "arn:aws:logs:us-east-1:123456789012:log-group:app:*",
                "arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x",
                true,
            ),
            (
                "arn:aws:s3:::bucket/*.jpg",
                "arn:aws:s3:::bucket/a:b.jpg",
                true,
            ),
            ("arn:aws:s3:::bucket/?", "arn:aws:s3:::bucket/:", true),
            ("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", false),
            ("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket-2", true),
        ];
        for &(pattern, resource, expected) in table {
            assert_eq!(
                ResourcePattern::new(pattern, true).matches(resource, &ctx),
                expected,
                "{pattern} vs {resource}"
            );
        }
    }

    /// Cases for each shortcut of the compiled glob: a literal ARN, the literal text around the
    /// wildcards (head and tail), and a lone `*` between them.
    #[test]
    fn literal_ends_and_lone_stars() {
        let ctx = RequestContext::new();
        let table: &[(&str, &str, bool)] = &[
            // A literal ARN: one comparison.
            ("arn:aws:iam::1:user/Bob", "arn:aws:iam::1:user/Bob", true),
            ("arn:aws:iam::1:user/Bob", "Arn:aws:iam::1:user/Bob", false),
            ("arn:aws:iam::1:user/Bob", "arn:aws:iam::1:user/Bo", false),
            (
                "arn:aws:iam::1:user/Bob",
                "arn:aws:iam::1:user/Bobby",
                false,
            ),
            ("arn:aws:s3:::bucket", "", false),
            // Head and a lone `*`.
            (
                "arn:aws:dynamodb:r:1:table/t-1*",
                "arn:aws:dynamodb:r:1:table/t-15-o",
                true,
            ),
            (
                "arn:aws:dynamodb:r:1:table/t-1*",
                "arn:aws:dynamodb:r:1:table/t-1",
                true,
            ),
            (
                "arn:aws:dynamodb:r:1:table/t-1*",
                "arn:aws:dynamodb:r:1:table/t-2",
                false,
            ),
            ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b", true),
            ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
            // A `*` ending a segment before the resource crosses colons; one inside does not.
            (
                "arn:aws:ec2:us-*",
                "arn:aws:ec2:us-east-1:1:instance/i",
                true,
            ),
            ("arn:aws:iam::*:role/x", "arn:aws:iam::1:2:role/x", true),
            ("arn:aws:sqs:us-*-1:1:q", "arn:aws:sqs:us-east-1:1:q", true),
            ("arn:aws:sqs:us-*-1:1:q", "arn:aws:sqs:us-e:x-1:1:q", false),
            // Tail.
            ("arn:aws:s3:::b/*.jpg", "arn:aws:s3:::b/.jpg", true),
            ("arn:aws:s3:::b/*.jpg", "arn:aws:s3:::b/x.jpeg", false),
            ("arn:aws:s3:::ab*ba", "arn:aws:s3:::aba", false),
            ("arn:aws:s3:::ab*ba", "arn:aws:s3:::abba", true),
            // `?`: one character, not a colon before the resource segment.
            ("arn:aws:s3:::b/?", "arn:aws:s3:::b/é", true),
            ("arn:aws:s3:::b/?", "arn:aws:s3:::b/", false),
            ("arn:aws:s3:::b/?", "arn:aws:s3:::b/ab", false),
            (
                "arn:aws:sqs:us-east-?:1:q",
                "arn:aws:sqs:us-east-2:1:q",
                true,
            ),
            (
                "arn:aws:sqs:us-east-?:1:q",
                "arn:aws:sqs:us-east-::1:q",
                false,
            ),
            // Case-sensitive in head, middle and tail.
            ("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false),
            ("arn:aws:s3:::b/*.JPG", "arn:aws:s3:::b/x.jpg", false),
            ("arn:aws:s3:::b/*X*", "arn:aws:s3:::b/axa", false),
            ("arn:aws:s3:::b/*X*", "arn:aws:s3:::b/aXa", true),
            // Non-ASCII characters are single characters, in the literal ends too.
            ("arn:aws:s3:::日本/*", "arn:aws:s3:::日本/語", true),
            ("arn:aws:s3:::*語", "arn:aws:s3:::日本語", true),
            ("arn:aws:s3:::日*", "arn:aws:s3:::本", false),
            ("arn:aws:s3:::日?語", "arn:aws:s3:::日本語", true),
        ];
        for &(pattern, resource, expected) in table {
            assert_eq!(
                ResourcePattern::new(pattern, true).matches(resource, &ctx),
                expected,
                "{pattern} vs {resource}"
            );
        }
    }

    #[test]
    fn policy_variables_in_the_resource_segment() {
        let ctx = context();
        let table: &[(&str, bool, &str, bool)] = &[
            (
                "arn:aws:s3:::bucket/home/${aws:username}/*",
                true,
                "arn:aws:s3:::bucket/home/Bob/notes.txt",
                true,
            ),
            (
                "arn:aws:s3:::bucket/home/${aws:username}/*",
                true,
                "arn:aws:s3:::bucket/home/Alice/notes.txt",
                false,
            ),
            // Under 2008-10-17 (or no Version) the variable is literal text.
            (
                "arn:aws:s3:::bucket/home/${aws:username}/*",
                false,
                "arn:aws:s3:::bucket/home/Bob/notes.txt",
                false,
            ),
            (
                "arn:aws:s3:::bucket/home/${aws:username}/*",
                false,
                "arn:aws:s3:::bucket/home/${aws:username}/x",
                true,
            ),
            // Unresolvable: the entry matches nothing, not even the literal text.
            (
                "arn:aws:s3:::bucket/${aws:PrincipalTag/dept}/*",
                true,
                "arn:aws:s3:::bucket/${aws:PrincipalTag/dept}/x",
                false,
            ),
            (
                "arn:aws:s3:::bucket/${aws:PrincipalTag/dept, 'company-wide'}/*",
                true,
                "arn:aws:s3:::bucket/company-wide/x",
                true,
            ),
            (
                "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*",
                true,
                "arn:aws:s3:::bucket/blue/x",
                true,
            ),
            // `${*}` is a literal star.
            (
                "arn:aws:s3:::bucket/${*}",
                true,
                "arn:aws:s3:::bucket/*",
                true,
            ),
            (
                "arn:aws:s3:::bucket/${*}",
                true,
                "arn:aws:s3:::bucket/anything",
                false,
            ),
            (
                "arn:aws:s3:::bucket/a${?}b${$}",
                true,
                "arn:aws:s3:::bucket/a?b$",
                true,
            ),
        ];
        for &(pattern, variables, resource, expected) in table {
            assert_eq!(
                ResourcePattern::new(pattern, variables).matches(resource, &ctx),
                expected,
                "{pattern} ({variables}) vs {resource}"
            );
        }
    }

    /// Cases for the substituted path: the literal head checked before substitution, values
    /// taken literally, `${*}` `${?}` `${$}`, a `*` before the resource segment reaching into it,
    /// and a substitution longer than the stack buffer.
    #[test]
    fn substituted_patterns() {
        let mut ctx = context();
        ctx.set_derived("aws:userid", ContextValue::Single("AID*:x".into()));
        let long = "v".repeat(400);
        ctx.set_derived("aws:PrincipalTag/long", ContextValue::Single(long.clone()));
        let table: &[(&str, &str, bool)] = &[
            ("arn:aws:s3:::b/${aws:username}", "arn:aws:s3:::b/Bob", true),
            (
                "arn:aws:s3:::b/${aws:username}",
                "arn:aws:s3:::b/bob",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:username}",
                "arn:aws:s3:::c/Bob",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:username}",
                "Xrn:aws:s3:::b/Bob",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:username}",
                "arn:aws:s3:::b/Bobby",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:username}*",
                "arn:aws:s3:::b/Bobby",
                true,
            ),
            (
                "arn:aws:s3:::b/*${aws:username}",
                "arn:aws:s3:::b/x/Bob",
                true,
            ),
            (
                "arn:aws:s3:::b/?${aws:username}?",
                "arn:aws:s3:::b/:Bob:",
                true,
            ),
            // A value's `*` and `:` are literal characters.
            (
                "arn:aws:s3:::b/${aws:userid}",
                "arn:aws:s3:::b/AID*:x",
                true,
            ),
            (
                "arn:aws:s3:::b/${aws:userid}",
                "arn:aws:s3:::b/AIDA:x",
                false,
            ),
            // Missing, with and without a default.
            (
                "arn:aws:s3:::b/${aws:PrincipalTag/dept}",
                "arn:aws:s3:::b/",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:PrincipalTag/dept}*",
                "arn:aws:s3:::b/x",
                false,
            ),
            (
                "arn:aws:s3:::b/${aws:PrincipalTag/dept, ''}*",
                "arn:aws:s3:::b/x",
                true,
            ),
            // Literal characters.
            (
                "arn:aws:s3:::b/${*}${aws:username}",
                "arn:aws:s3:::b/*Bob",
                true,
            ),
            (
                "arn:aws:s3:::b/${*}${aws:username}",
                "arn:aws:s3:::b/xBob",
                false,
            ),
            (
                "arn:aws:s3:::b/${?}${aws:username}",
                "arn:aws:s3:::b/?Bob",
                true,
            ),
            (
                "arn:aws:s3:::b/${?}${aws:username}",
                "arn:aws:s3:::b/xBob",
                false,
            ),
            (
                "arn:aws:s3:::b/${$}${aws:username}",
                "arn:aws:s3:::b/$Bob",
                true,
            ),
            // A `*` ending a segment before the resource spans colons into it.
            (
                "arn:aws:ec2:*:1:instance/${aws:username}",
                "arn:aws:ec2:us-east-1:x:1:instance/Bob",
                true,
            ),
            (
                "arn:aws:ec2:us-*-1:1:instance/${aws:username}",
                "arn:aws:ec2:us-e:x-1:1:instance/Bob",
                false,
            ),
            // Non-ASCII around a variable.
            (
                "arn:aws:s3:::日/${aws:username}/語",
                "arn:aws:s3:::日/Bob/語",
                true,
            ),
            (
                "arn:aws:s3:::日/${aws:username}/語",
                "arn:aws:s3:::日/Bob/本",
                false,
            ),
        ];
        for &(pattern, resource, expected) in table {
            assert_eq!(
                ResourcePattern::new(pattern, true).matches(resource, &ctx),
                expected,
                "{pattern} vs {resource}"
            );
        }
        let spilled = ResourcePattern::new("arn:aws:s3:::b/${aws:PrincipalTag/long}/*", true);
        assert!(spilled.matches(&format!("arn:aws:s3:::b/{long}/x"), &ctx));
        assert!(!spilled.matches(&format!("arn:aws:s3:::b/{long}v/x"), &ctx));
    }

    #[test]
    fn long_hostile_patterns_are_bounded() {
        let pattern = format!("arn:aws:s3:::{}", "*a".repeat(600));
        let resource = format!("arn:aws:s3:::{}", "a".repeat(3000) + "b");
        assert!(!ResourcePattern::new(&pattern, true).matches(&resource, &RequestContext::new()));
    }
}

/// The compiled patterns against the first implementation (tokens of the whole pattern,
/// variables substituted into a fresh vector, the reference automaton) on generated patterns.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::super::arn_pattern::{reference, tests::mutate};
    use super::*;
    use crate::condition::variables::substitute_tokens;
    use crate::condition::ContextValue;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};

    fn reference_matches(raw: &str, variables: bool, resource: &str, ctx: &RequestContext) -> bool {
        if raw == "*" {
            return true;
        }
        let (prefix, rest) = split_resource(raw);
        let mut tokens = prefix_tokens(prefix);
        if let Some(rest) = rest {
            let pieces = if variables {
                parse(rest)
            } else {
                vec![Piece::Text(rest.to_string())]
            };
            match substitute_tokens(&pieces, ctx) {
                Some(t) => tokens.extend(resource_tokens(t)),
                None => return false,
            }
        }
        reference::arn_match(&tokens, resource)
    }

    fn context() -> RequestContext {
        let mut ctx = RequestContext::new();
        ctx.set_derived("aws:username", ContextValue::Single("a*:".into()));
        ctx.set_derived("aws:PrincipalTag/t", ContextValue::Single("é?".into()));
        ctx
    }

    const STARTS: &[&str] = &[
        "arn:aws:s3:::",
        "arn:aws:ec2:*:1:",
        "arn:a?s:s3:::",
        "arn:aws:iam::*:",
        "arn:aws:s*:r:1:",
        "",
    ];

    /// (as written, as a matching resource would have it; `None` for a wildcard, filled in).
    const ELEMENTS: &[(&str, Option<&str>)] = &[
        ("a", Some("a")),
        ("A", Some("A")),
        (":", Some(":")),
        ("/", Some("/")),
        ("é", Some("é")),
        ("*", None),
        ("?", None),
        ("${aws:username}", Some("a*:")),
        ("${aws:PrincipalTag/t}", Some("é?")),
        ("${aws:PrincipalTag/none, 'd:'}", Some("d:")),
        ("${aws:PrincipalTag/none}", Some("")),
        ("${*}", Some("*")),
        ("${?}", Some("?")),
        ("${$}", Some("$")),
        ("${", Some("${")),
        ("}", Some("}")),
    ];

    /// A pattern of a start and elements, and a resource built from the same elements (wildcards
    /// filled from `fills`), then possibly edited.
    fn case() -> impl Strategy<Value = (String, String)> {
        let elements = proptest::collection::vec(select(ELEMENTS), 0..10);
        let fills = proptest::collection::vec("[aA:/é]{0,3}", 1..4);
        let edit = (0..4usize, any::<Index>(), "[aA:/é*?$]");
        (select(STARTS), elements, fills, edit).prop_map(|(start, elements, fills, edit)| {
            let mut pattern = start.to_string();
            let mut text = start.replace(['*', '?'], "x");
            for (i, (written, literal)) in elements.iter().enumerate() {
                pattern.push_str(written);
                let fill = &fills[i % fills.len()];
                text.push_str(match (literal, *written) {
                    (Some(l), _) => l,
                    (None, "?") => fill.get(..1).unwrap_or(":"),
                    (None, _) => fill,
                });
            }
            (pattern, mutate(text, edit.0, edit.1, &edit.2))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn resource_patterns_agree_with_the_reference(
            (pattern, resource) in case(), variables in any::<bool>()
        ) {
            let ctx = context();
            prop_assert_eq!(
                ResourcePattern::new(&pattern, variables).matches(&resource, &ctx),
                reference_matches(&pattern, variables, &resource, &ctx)
            );
        }
    }
}
