//! The command line: `iam-playground run | validate | link`, a thin layer over the library.

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  iam-playground run FILE... [--json]
  iam-playground validate [--kind identity|trust|resource|scp|rcp|boundary|session] FILE [--json]
  iam-playground link FILE
  iam-playground link --decode FRAGMENT_OR_URL
  iam-playground --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version" | "-V") => {
            println!("iam-playground {}", iam_playground::VERSION);
            ExitCode::SUCCESS
        }
        Some("run") => {
            let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
            match iam_playground::scenario::run_scenario(&text) {
                Ok(out) => println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default()),
                Err(f) => eprintln!("{f:?}"),
            }
            ExitCode::SUCCESS
        }
        Some("--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
