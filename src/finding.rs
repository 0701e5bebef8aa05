//! Findings: what is wrong or risky in a policy or a scenario, and exactly where.
//!
//! Every finding carries a severity (Access Analyzer's four levels), a stable code, a sentence a
//! person can act on, a JSON pointer into the document, and the text range as 1-based line and
//! UTF-16 column so the page can put a marker on it.

use serde::Serialize;

use crate::json::{Pointer, Span};

/// Access Analyzer's finding types, most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    SecurityWarning,
    Warning,
    Suggestion,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::SecurityWarning => "security-warning",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub severity: Severity,
    /// Stable, upper snake case, Access Analyzer's own issue code where it has one
    /// (`PASS_ROLE_WITH_STAR_IN_RESOURCE`), ours otherwise.
    pub code: &'static str,
    pub message: String,
    pub pointer: Pointer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<u32>,
}

/// Sorts findings by line and column, those without a place last, keeping the order of the
/// findings at one place (as a stable sort would), with the module's one sort
/// ([`crate::order`]).
pub(crate) fn sort_by_place(findings: &mut Vec<Finding>) {
    if findings.len() < 2 {
        return;
    }
    let places = findings.iter().enumerate().map(|(i, f)| {
        let (line, column) = (f.line.unwrap_or(u32::MAX), f.column.unwrap_or(u32::MAX));
        ((u64::from(line) << 32) | u64::from(column), i)
    });
    let order = crate::order::sorted(places.collect());
    let mut unsorted: Vec<Option<Finding>> = findings.drain(..).map(Some).collect();
    findings.extend(order.iter().filter_map(|&(_, i)| unsorted[i].take()));
}

impl Finding {
    pub fn new(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        pointer: impl Into<Pointer>,
        span: Option<Span>,
    ) -> Self {
        Finding {
            severity,
            code,
            message: message.into(),
            pointer: pointer.into(),
            line: span.map(|s| s.start.line),
            column: span.map(|s| s.start.column),
            end_line: span.map(|s| s.end.line),
            end_column: span.map(|s| s.end.column),
        }
    }

    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        pointer: impl Into<Pointer>,
        span: Option<Span>,
    ) -> Self {
        Finding::new(Severity::Error, code, message, pointer, span)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `LINE:COLUMN: severity: message` (or the pointer when the place is unknown), as the
    /// command line prints it after the file name.
    pub fn display_place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{line}:{column}"),
            _ => self.pointer.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Pos, Span};

    #[test]
    fn findings_sort_by_place_keeping_the_order_at_one_place() {
        let at = |line, column| {
            let pos = Pos {
                line,
                column,
                ..Pos::default()
            };
            Some(Span {
                start: pos,
                end: pos,
            })
        };
        let finding = |code, span| Finding::error(code, "", "", span);
        let mut findings = vec![
            finding("NO_PLACE", None),
            finding("LINE_3", at(3, 1)),
            finding("LINE_2_COLUMN_9", at(2, 9)),
            finding("LINE_2_COLUMN_4_FIRST", at(2, 4)),
            finding("LINE_2_COLUMN_4_SECOND", at(2, 4)),
        ];
        sort_by_place(&mut findings);
        let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            [
                "LINE_2_COLUMN_4_FIRST",
                "LINE_2_COLUMN_4_SECOND",
                "LINE_2_COLUMN_9",
                "LINE_3",
                "NO_PLACE"
            ]
        );
    }
}
