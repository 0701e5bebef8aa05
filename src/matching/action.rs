//! Action patterns: `service:Action`, case-insensitive, with `*` and `?`.

/// A compiled `Action`/`NotAction` value. `"*"` matches every action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionPattern {
    raw: String,
}

impl ActionPattern {
    /// Compiles a value as written. Never fails: whether the value is a valid action is a
    /// finding of the policy validator, and an invalid value simply matches what it matches.
    pub fn new(raw: &str) -> ActionPattern {
        ActionPattern {
            raw: raw.to_string(),
        }
    }

    pub fn matches(&self, action: &str) -> bool {
        let _ = action;
        todo!("matching helper")
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }
}
