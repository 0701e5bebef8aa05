//! Moving a parsed policy to another offset of its text.
//!
//! A policy read from a scenario carries the byte offsets of its elements. The page's engine
//! keeps compiled policies between runs; when a keystroke earlier in the scenario leaves a policy's
//! text, line and column as they were but moves its bytes, the kept policy is moved rather than
//! read, validated and compiled again.

use crate::json::Pos;

use super::model::{Place, Policy, PrincipalValue};

impl Policy {
    /// Moves every position from where the policy was read (`from`, its first byte) to `to`.
    /// Only byte offsets change: the caller keeps a policy only where its line and column are
    /// the same, so that is all that can differ.
    pub fn move_to(&mut self, from: Pos, to: Pos) {
        if from.offset == to.offset {
            return;
        }
        let shift = |place: &mut Place| {
            for pos in [&mut place.span.start, &mut place.span.end] {
                pos.offset = pos.offset - from.offset + to.offset;
            }
        };
        self.each_place(shift);
    }

    /// Calls `f` on every place the policy holds.
    fn each_place(&mut self, mut f: impl FnMut(&mut Place)) {
        f(&mut self.place);
        for statement in &mut self.statements {
            f(&mut statement.place);
            if let Some(principal) = &mut statement.principal {
                f(&mut principal.place);
                if let PrincipalValue::Entries(entries) = &mut principal.value {
                    entries.iter_mut().for_each(|e| f(&mut e.place));
                }
            }
            f(&mut statement.action.place);
            for pattern in &mut statement.action.patterns {
                f(&mut pattern.place);
            }
            if let Some(resource) = &mut statement.resource {
                f(&mut resource.place);
                resource.patterns.iter_mut().for_each(|p| f(&mut p.place));
            }
            for condition in &mut statement.conditions {
                f(&mut condition.place);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::json::{parse, Limits};
    use crate::lang::Lang;
    use crate::policy::{parse_policy_in, PolicyKind};

    /// A policy read at one offset and moved to another is the policy read there.
    #[test]
    fn a_moved_policy_is_the_policy_read_at_its_new_offset() {
        let policy = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"]},
   "Action": ["sts:AssumeRole", "sts:TagSession"], "Resource": ["*", "arn:aws:s3:::b/*"],
   "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}, "StringEquals": {"aws:PrincipalTag/team": "blue"}}},
  {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"}
]}"#;
        // Both start on line 2, column 1, at different offsets.
        let (a, b) = (format!("[\n{policy}]"), format!("[   \n{policy}]"));
        let read = |text: &str| {
            let json = parse(text, &Limits::default()).unwrap();
            let first = match json.value {
                crate::json::Value::Array(items) => items.into_iter().next().unwrap(),
                _ => unreachable!(),
            };
            let start = first.span.start;
            (
                parse_policy_in(&first, PolicyKind::Resource, "/0", Lang::En).policy,
                start,
            )
        };
        let ((mut moved, from), (there, to)) = (read(&a), read(&b));
        assert_eq!((from.line, from.column), (to.line, to.column));
        assert_ne!(from.offset, to.offset);
        assert_ne!(moved, there);
        moved.move_to(from, to);
        assert_eq!(moved, there);
    }
}
