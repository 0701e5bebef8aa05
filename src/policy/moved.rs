//! Moving a parsed policy to another offset of its text.
//!
//! A policy read from a scenario carries the positions of its elements. The page's engine keeps
//! compiled policies between runs; when an edit earlier in the scenario leaves a policy's text and
//! starting column as they were but moves its bytes or its lines, the kept policy is moved rather
//! than read, validated and compiled again. (Its columns cannot change: every line of it but the
//! first is its own text, and the first starts at the same column.)

use crate::json::Pos;

use super::model::{Place, Policy, PrincipalValue};

impl Policy {
    /// Moves every position from where the policy was read (`from`, its first byte) to `to`,
    /// which must be at the same column: byte offsets and lines change, columns do not.
    pub fn move_to(&mut self, from: Pos, to: Pos) {
        if (from.offset, from.line) == (to.offset, to.line) {
            return;
        }
        let shift = |place: &mut Place| {
            for pos in [&mut place.span.start, &mut place.span.end] {
                pos.offset = pos.offset - from.offset + to.offset;
                pos.line = moved_line(pos.line, from, to);
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

/// `line`, of a text that starts at `from`, once that text starts at `to`.
pub fn moved_line(line: u32, from: Pos, to: Pos) -> u32 {
    line - from.line + to.line
}

#[cfg(test)]
mod tests {
    use crate::json::{parse, Limits};
    use crate::lang::Lang;
    use crate::policy::{parse_policy_in, PolicyKind};

    /// A policy read at one place and moved to another (other offset, other line, same column) is
    /// the policy read there.
    #[test]
    fn a_moved_policy_is_the_policy_read_at_its_new_place() {
        let policy = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"]},
   "Action": ["sts:AssumeRole", "sts:TagSession"], "Resource": ["*", "arn:aws:s3:::b/*"],
   "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}, "StringEquals": {"aws:PrincipalTag/team": "blue"}}},
  {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"}
]}"#;
        // All start at column 1: on line 2 at two offsets, and on line 4.
        let texts = [
            format!("[\n{policy}]"),
            format!("[   \n{policy}]"),
            format!("[\n\n\n{policy}]"),
        ];
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
        for (a, b) in [(0, 1), (1, 0), (0, 2), (2, 1)] {
            let ((mut moved, from), (there, to)) = (read(&texts[a]), read(&texts[b]));
            assert_eq!(from.column, to.column);
            assert_ne!(moved, there);
            moved.move_to(from, to);
            assert_eq!(moved, there, "from text {a} to text {b}");
        }
    }
}
