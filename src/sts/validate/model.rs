//! The constraints of STS's API model, checked the way AWS's request validation reports them.
//!
//! Constraints (lengths, ranges, patterns) are those of the STS API model (botocore
//! `sts/2011-06-15/service-2.json`: `roleSessionNameType`, `roleDurationSecondsType`,
//! `externalIdType`, `serialNumberType`, `tokenCodeType`, `sourceIdentityType`,
//! `sessionPolicyDocumentType`, `arnType`, `tagListType`, `tagKeyType`, `tagValueType`,
//! `tagKeyListType`). The message shape is AWS's: `1 validation error detected: Value 'x' at
//! 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression
//! pattern: [\w+=,.@-]*`, several joined by `; ` after `N validation errors detected: `
//! (semantics notes §4). Lengths count UTF-16 units, as the service (Java) does. Members are
//! checked in the API's parameter order; for one member, length before pattern (AWS does not
//! document that order).

/// One failed constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The value as AWS echoes it; `None` prints `Value null` (a missing required member).
    pub value: Option<String>,
    /// The member path: `roleSessionName`, `tags.2.member.key` (1-based, as AWS writes it).
    pub member: String,
    /// The text after `Member must `.
    pub constraint: String,
}

/// AWS's message for a list of violations.
pub fn message(violations: &[Violation]) -> String {
    let parts: Vec<String> = violations
        .iter()
        .map(|v| {
            let value = match &v.value {
                Some(text) => format!("'{text}'"),
                None => "null".to_string(),
            };
            format!(
                "Value {value} at '{}' failed to satisfy constraint: Member must {}",
                v.member, v.constraint
            )
        })
        .collect();
    let noun = if parts.len() == 1 { "error" } else { "errors" };
    format!(
        "{} validation {noun} detected: {}",
        parts.len(),
        parts.join("; ")
    )
}

/// A pattern as AWS prints it, and the test for one character.
pub type Pattern = (&'static str, fn(char) -> bool);

/// A string member's constraints.
pub struct StringRule {
    pub min: usize,
    pub max: Option<usize>,
    /// The pattern as AWS prints it, and the test for one character.
    pub pattern: Option<Pattern>,
}

fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub const ROLE_SESSION_NAME: StringRule = StringRule {
    min: 2,
    max: Some(64),
    pattern: Some((r"[\w+=,.@-]*", |c| word(c) || "+=,.@-".contains(c))),
};
pub const SOURCE_IDENTITY: StringRule = ROLE_SESSION_NAME;
/// GetFederationToken's `Name` (`userNameType`).
pub const FEDERATED_USER_NAME: StringRule = StringRule {
    min: 2,
    max: Some(32),
    pattern: ROLE_SESSION_NAME.pattern,
};
pub const EXTERNAL_ID: StringRule = StringRule {
    min: 2,
    max: Some(1224),
    pattern: Some((r"[\w+=,.@:\/-]*", |c| word(c) || "+=,.@:/-".contains(c))),
};
pub const SERIAL_NUMBER: StringRule = StringRule {
    min: 9,
    max: Some(256),
    pattern: Some((r"[\w+=/:,.@-]*", |c| word(c) || "+=/:,.@-".contains(c))),
};
pub const TOKEN_CODE: StringRule = StringRule {
    min: 6,
    max: Some(6),
    pattern: Some((r"[\d]*", |c| c.is_ascii_digit())),
};
pub const POLICY: StringRule = StringRule {
    min: 1,
    max: Some(2048),
    pattern: Some((r"[\u0009\u000A\u000D\u0020-\u00FF]+", |c| {
        matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{FF}')
    })),
};
pub const ARN: StringRule = StringRule {
    min: 20,
    max: Some(2048),
    pattern: Some((
        r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+",
        |c| matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{7E}' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}'),
    )),
};
pub const TAG_KEY: StringRule = StringRule {
    min: 1,
    max: Some(128),
    pattern: Some((r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+", tag_char)),
};
pub const TAG_VALUE: StringRule = StringRule {
    min: 0,
    max: Some(256),
    pattern: Some((r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", tag_char)),
};

/// `\p{L}`, `\p{Z}` (space separators, which are white space but not control characters),
/// `\p{N}` and `_.:/=+-@`.
fn tag_char(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || (c.is_whitespace() && !c.is_control())
        || "_.:/=+-@".contains(c)
}

/// Checks `value` of `member` against `rule`, adding what fails to `out`.
pub fn check_string(value: &str, member: &str, rule: &StringRule, out: &mut Vec<Violation>) {
    let length = value.encode_utf16().count();
    let mut fail = |constraint: String| {
        out.push(Violation {
            value: Some(value.to_string()),
            member: member.to_string(),
            constraint,
        })
    };
    if length < rule.min {
        fail(format!("have length greater than or equal to {}", rule.min));
    }
    if let Some(max) = rule.max.filter(|max| length > *max) {
        fail(format!("have length less than or equal to {max}"));
    }
    if let Some((text, allowed)) = rule.pattern {
        if !value.chars().all(allowed) {
            fail(format!("satisfy regular expression pattern: {text}"));
        }
    }
}

/// Checks an integer member's range.
pub fn check_range(value: i64, member: &str, min: i64, max: i64, out: &mut Vec<Violation>) {
    let constraint = if value < min {
        format!("have value greater than or equal to {min}")
    } else if value > max {
        format!("have value less than or equal to {max}")
    } else {
        return;
    };
    out.push(Violation {
        value: Some(value.to_string()),
        member: member.to_string(),
        constraint,
    });
}

/// Checks a list member's length; the value is echoed as Java prints a list (`[a, b]`).
pub fn check_list_length(items: &[String], member: &str, max: usize, out: &mut Vec<Violation>) {
    if items.len() > max {
        out.push(Violation {
            value: Some(format!("[{}]", items.join(", "))),
            member: member.to_string(),
            constraint: format!("have length less than or equal to {max}"),
        });
    }
}

pub fn missing(member: &str) -> Violation {
    Violation {
        value: None,
        member: member.to_string(),
        constraint: "not be null".to_string(),
    }
}
