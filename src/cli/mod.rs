//! The command line's commands, reading files and printing; all the work is the library's.

/// `println!` that does not panic when standard output is closed (`iam-playground run | head`):
/// what was not read is dropped.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `eprintln!` that does not panic when standard error is closed.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod link;
pub mod run;
pub mod validate;

use iam_playground::finding::Finding;

pub const USAGE: &str = "\
usage:
  iam-playground run FILE... [--json]
  iam-playground validate [--kind identity|trust|resource|scp|rcp|boundary|session] FILE [--json]
  iam-playground link FILE
  iam-playground link --decode FRAGMENT_OR_URL
  iam-playground --version";

/// Largest file read: the scenario reader refuses more anyway, and reading stops here so a
/// huge file costs no memory.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

pub fn usage_error(why: &str) -> u8 {
    err!("iam-playground: {why}\n{USAGE}");
    2
}

/// Reads a file as UTF-8 text, or says on standard error why not (as `FILE:1:1: message`).
pub fn read_text(path: &str) -> Option<String> {
    let fail = |why: String| {
        err!("{path}:1:1: {why}");
        None
    };
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    if size > MAX_FILE_BYTES {
        return fail(format!(
            "the file is {size} bytes, more than the {MAX_FILE_BYTES} accepted"
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let line = text.matches('\n').count() + 1;
            let column = text
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.encode_utf16().count())
                + 1;
            err!("{path}:{line}:{column}: the file is not UTF-8 text");
            None
        }
    }
}

/// `FILE:LINE:COLUMN: severity: message` (the pointer when there is no place).
pub fn print_finding(path: &str, finding: &Finding) {
    err!(
        "{path}:{}: {}: {} [{}]",
        finding.display_place(),
        finding.severity.as_str(),
        finding.message,
        finding.code
    );
}

pub fn print_json<T: serde::Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => out!("{text}"),
        Err(e) => err!("iam-playground: could not write JSON: {e}"),
    }
}
