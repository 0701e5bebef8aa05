//! Glob patterns with `*` (any run of characters, possibly empty) and `?` (exactly one character).

/// A compiled glob. Contract: `new` never panics; `matches` runs in time linear-ish in
/// pattern × text (no exponential backtracking).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wildcard {
    raw: String,
    case_insensitive: bool,
}

impl Wildcard {
    pub fn new(pattern: &str) -> Wildcard {
        Wildcard {
            raw: pattern.to_string(),
            case_insensitive: false,
        }
    }

    /// ASCII case-insensitive matching (action names, `StringEqualsIgnoreCase`-like uses).
    pub fn new_case_insensitive(pattern: &str) -> Wildcard {
        Wildcard {
            raw: pattern.to_string(),
            case_insensitive: true,
        }
    }

    pub fn matches(&self, text: &str) -> bool {
        let _ = text;
        todo!("matching helper")
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn is_case_insensitive(&self) -> bool {
        self.case_insensitive
    }
}
