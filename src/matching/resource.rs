//! Resource patterns: ARNs matched as AWS matches `Resource`, with policy variables.

use crate::condition::RequestContext;

/// A compiled `Resource`/`NotResource` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourcePattern {
    raw: String,
}

impl ResourcePattern {
    /// Compiles a value as written. `variables` is true under `Version: 2012-10-17`, where
    /// `${...}` in the resource part is a policy variable; otherwise it is literal text.
    pub fn new(raw: &str, variables: bool) -> ResourcePattern {
        let _ = variables;
        ResourcePattern {
            raw: raw.to_string(),
        }
    }

    /// Whether the pattern matches `resource`; variables resolve from `context`, and an
    /// unresolvable variable makes the pattern match nothing.
    pub fn matches(&self, resource: &str, context: &RequestContext) -> bool {
        let _ = (resource, context);
        todo!("matching helper")
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }
}
