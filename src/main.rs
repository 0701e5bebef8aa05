//! The command line, a thin layer over the library:
//!
//! ```text
//! iam-playground run FILE... [--json]       exit 0: every expectation met (or none given)
//!                                           exit 1: some expectation unmet
//!                                           exit 2: a file cannot be read or is not a valid scenario
//! iam-playground validate [--kind KIND] FILE [--json]
//!                                           exit 0: no error findings; 1: error findings; 2: I/O or usage
//! iam-playground link FILE                  the share-link fragment for a scenario
//! iam-playground link --decode FRAGMENT_OR_URL
//! ```

#[macro_use]
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("run") => cli::run::main(&args[1..]),
        Some("validate") => cli::validate::main(&args[1..]),
        Some("link") => cli::link::main(&args[1..]),
        Some("--version" | "-V") => {
            out!("iam-playground {}", iam_playground::VERSION);
            0
        }
        Some("--help" | "-h" | "help") => {
            out!("{}", cli::USAGE);
            0
        }
        _ => cli::usage_error("expected a command: run, validate or link"),
    };
    ExitCode::from(code)
}
