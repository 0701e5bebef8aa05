//! Policy variables: `${aws:username}` in `Resource` and in string and ARN condition values.
//!
//! Source: IAM User Guide, "IAM policy elements: Variables and tags" (semantics notes §6.3):
//! variables work only under `Version: 2012-10-17`; any single-valued context key can be one,
//! its name case-insensitive; `${*}`, `${?}` and `${$}` stand for the literal characters; a
//! default is written `${aws:PrincipalTag/team, 'company-wide'}`; a variable that cannot be
//! resolved (and has no default) makes the value match nothing.

use super::RequestContext;
use crate::matching::wildcard::{tokens_of, Token};

/// A piece of a value that contains policy variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text as written; in a `Like` value its `*` and `?` stay wildcards.
    Text(String),
    /// `${*}`, `${?}` or `${$}`: always the literal character.
    Literal(char),
    Variable {
        key: String,
        default: Option<String>,
    },
}

/// Whether `text` contains at least one `${...}`.
pub fn has_variables(text: &str) -> bool {
    parse(text).iter().any(|p| !matches!(p, Piece::Text(_)))
}

/// Reads `text` into pieces. An unterminated `${` is plain text.
pub(crate) fn parse(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start + 2..].find('}') else {
            break;
        };
        if start > 0 {
            pieces.push(Piece::Text(rest[..start].to_string()));
        }
        pieces.push(read_variable(&rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}

/// The inside of `${...}`: `*`, `?`, `$`, a key, or `key, 'default'`.
fn read_variable(inner: &str) -> Piece {
    match inner {
        "*" => return Piece::Literal('*'),
        "?" => return Piece::Literal('?'),
        "$" => return Piece::Literal('$'),
        _ => {}
    }
    if let Some((key, default)) = inner.split_once(',') {
        let default = default.trim();
        let quoted = default
            .strip_prefix('\'')
            .and_then(|d| d.strip_suffix('\''));
        if let Some(value) = quoted {
            return Piece::Variable {
                key: key.trim().to_string(),
                default: Some(value.to_string()),
            };
        }
    }
    Piece::Variable {
        key: inner.trim().to_string(),
        default: None,
    }
}

/// A variable's value: the key's single value, else the default. Multivalued keys cannot be
/// variables (semantics notes §6.3).
pub(crate) fn resolve<'a>(
    key: &str,
    default: Option<&'a str>,
    context: &'a RequestContext,
) -> Option<&'a str> {
    context.single(key).or(default)
}

/// Substitutes every variable of `text`, or `None` when one cannot be resolved. `${*}` becomes
/// `*`: use this for values compared as plain strings.
pub fn substitute(text: &str, context: &RequestContext) -> Option<String> {
    substitute_pieces(&parse(text), context)
}

pub(crate) fn substitute_pieces(pieces: &[Piece], context: &RequestContext) -> Option<String> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Literal(c) => out.push(*c),
            Piece::Variable { key, default } => {
                out.push_str(resolve(key, default.as_deref(), context)?)
            }
        }
    }
    Some(out)
}

/// Substitutes into glob tokens: written `*` and `?` stay wildcards, while `${*}`, `${?}` and
/// substituted values are literal, so a tag value with a `*` cannot widen a pattern.
pub(crate) fn substitute_tokens(pieces: &[Piece], context: &RequestContext) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.extend(tokens_of(t)),
            Piece::Literal(c) => out.push(Token::Char(*c)),
            Piece::Variable { key, default } => out.extend(
                resolve(key, default.as_deref(), context)?
                    .chars()
                    .map(Token::Char),
            ),
        }
    }
    Some(out)
}

/// The first variable of `pieces` that cannot be resolved, for explanations.
pub(crate) fn unresolved<'a>(pieces: &'a [Piece], context: &RequestContext) -> Option<&'a str> {
    pieces.iter().find_map(|p| match p {
        Piece::Variable { key, default } if resolve(key, default.as_deref(), context).is_none() => {
            Some(key.as_str())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::condition::ContextValue;

    fn context() -> RequestContext {
        let mut ctx = RequestContext::new();
        ctx.set_derived("aws:username", ContextValue::Single("Bob".into()));
        ctx.set_derived("aws:PrincipalTag/team", ContextValue::Single("blue".into()));
        ctx.set_derived(
            "aws:TagKeys",
            ContextValue::Multi(vec!["a".into(), "b".into()]),
        );
        ctx
    }

    #[test]
    fn substitutes_as_documented() {
        let ctx = context();
        let table: &[(&str, Option<&str>)] = &[
            ("home/${aws:username}/*", Some("home/Bob/*")),
            ("home/${AWS:UserName}", Some("home/Bob")),
            ("${aws:PrincipalTag/team, 'company-wide'}", Some("blue")),
            (
                "${aws:PrincipalTag/dept, 'company-wide'}",
                Some("company-wide"),
            ),
            ("${aws:PrincipalTag/dept}", None),
            ("${aws:TagKeys}", None),
            ("a${*}b${?}c${$}", Some("a*b?c$")),
            ("no variables", Some("no variables")),
            (
                "unterminated ${aws:username",
                Some("unterminated ${aws:username"),
            ),
            ("${}", None),
        ];
        for &(text, expected) in table {
            assert_eq!(substitute(text, &ctx).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn literal_wildcards_stay_literal_in_globs() {
        let ctx = context();
        let tokens = substitute_tokens(&parse("${*}x*"), &ctx).unwrap();
        assert_eq!(
            tokens,
            vec![Token::Char('*'), Token::Char('x'), Token::Star]
        );
        assert_eq!(
            unresolved(&parse("a/${aws:PrincipalTag/x}"), &ctx),
            Some("aws:PrincipalTag/x")
        );
        assert!(has_variables("${aws:username}"));
        assert!(!has_variables("plain*"));
    }
}
