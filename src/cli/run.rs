//! `iam-playground run FILE... [--json]`.

use iam_playground::evaluation::Decision;
use iam_playground::scenario::{run_scenario, RequestResult, RunOutput};

use super::{print_finding, print_json, read_text, usage_error};

pub fn main(args: &[String]) -> u8 {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() {
        return usage_error("run needs at least one scenario file");
    }
    let mut worst = 0;
    for path in files {
        worst = worst.max(run_file(path, json));
    }
    worst
}

fn run_file(path: &str, json: bool) -> u8 {
    let Some(text) = read_text(path) else {
        return 2;
    };
    let output = match run_scenario(&text) {
        Ok(output) => output,
        Err(findings) => {
            // The contract's shape: `FILE:LINE:COLUMN: message`.
            for finding in findings.iter().filter(|f| f.is_error()) {
                err!("{path}:{}: {}", finding.display_place(), finding.message);
            }
            return 2;
        }
    };
    if json {
        print_json(&output);
    } else {
        print_report(path, &output);
    }
    u8::from(
        output
            .results
            .iter()
            .any(|r| r.expectation == Some("unmet")),
    )
}

fn print_report(path: &str, output: &RunOutput) {
    out!("{path}");
    for finding in &output.findings {
        print_finding(path, finding);
    }
    for result in &output.results {
        print_result(result);
    }
    let unmet = output
        .results
        .iter()
        .filter(|r| r.expectation == Some("unmet"))
        .count();
    let met = output
        .results
        .iter()
        .filter(|r| r.expectation == Some("met"))
        .count();
    out!("  {met} expectations met, {unmet} unmet\n");
}

fn print_result(result: &RequestResult) {
    let name = result.name.as_deref().unwrap_or("");
    let mark = match result.expectation {
        Some("met") => "ok  ",
        Some(_) => "FAIL",
        None => "    ",
    };
    out!(
        "  {mark} [{}] {name}: {}",
        result.index,
        result.decision.as_str()
    );
    if let Some(message) = &result.message {
        let code = result.code.as_deref().unwrap_or("");
        out!("         {code}: {message}");
    }
    if let Some(session) = &result.session {
        out!(
            "         session {} until {} s{}",
            session.arn,
            session.expires_at,
            if session.chained { " (chained)" } else { "" }
        );
    }
    if result.decision != Decision::Allowed {
        out!("         why: {}", result.explain.summary);
        // What would change a check that passed (removing the Allow that grants it) is not why
        // the request failed: only the checks that did not allow are listed, each with its own.
        for check in result
            .explain
            .checks
            .iter()
            .filter(|c| c.decision != Decision::Allowed)
        {
            let advisory = if check.advisory { " (advisory)" } else { "" };
            out!(
                "         at {}{advisory}: {}",
                check.name,
                check.decision.as_str()
            );
            for change in check.authorization.iter().flat_map(|a| &a.changes) {
                out!("           - {change}");
            }
            for note in &check.notes {
                out!("           - {note}");
            }
        }
    }
}
