//! `iam-playground validate [--kind KIND] FILE [--json]`.

use iam_playground::json::{parse, Limits};
use iam_playground::policy::{validate_text, PolicyKind};

use super::{print_finding, print_json, read_text, usage_error};

pub fn main(args: &[String]) -> u8 {
    let mut kind = None;
    let mut json = false;
    let mut file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--kind" => match rest.next().map(|k| (k, PolicyKind::from_name(k))) {
                Some((_, Some(k))) => kind = Some(k),
                Some((k, None)) => return usage_error(&format!("`{k}` is not a policy kind")),
                None => return usage_error("--kind needs a value"),
            },
            other if file.is_none() => file = Some(other.to_string()),
            other => return usage_error(&format!("unexpected argument `{other}`")),
        }
    }
    let Some(path) = file else {
        return usage_error("validate needs a policy file");
    };
    let Some(text) = read_text(&path) else {
        return 2;
    };
    let kind = kind.unwrap_or_else(|| guess_kind(&text));
    let findings = validate_text(&text, kind).findings;
    if json {
        #[derive(serde::Serialize)]
        struct Reply<'a> {
            findings: &'a [iam_playground::finding::Finding],
        }
        print_json(&Reply {
            findings: &findings,
        });
    } else {
        for finding in &findings {
            print_finding(&path, finding);
        }
        if findings.is_empty() {
            out!("{path}: no findings ({kind:?} policy)");
        }
    }
    u8::from(findings.iter().any(|f| f.is_error()))
}

/// Without `--kind`: a policy whose statements name a `Principal` and allow an
/// `sts:AssumeRole*` action is a trust policy, another with a `Principal` is resource-based, and
/// anything else is an identity-based policy.
fn guess_kind(text: &str) -> PolicyKind {
    let Ok(json) = parse(text, &Limits::default()) else {
        return PolicyKind::Identity;
    };
    let statements = match json.get("Statement") {
        Some(s) => s
            .as_array()
            .map(<[_]>::to_vec)
            .unwrap_or_else(|| vec![s.clone()]),
        None => return PolicyKind::Identity,
    };
    let with_principal: Vec<_> = statements
        .iter()
        .filter(|s| s.get("Principal").is_some() || s.get("NotPrincipal").is_some())
        .collect();
    if with_principal.is_empty() {
        return PolicyKind::Identity;
    }
    let assumes = with_principal.iter().any(|s| {
        s.get("Action")
            .is_some_and(|a| a.to_compact_string().contains("sts:AssumeRole"))
    });
    if assumes {
        PolicyKind::Trust
    } else {
        PolicyKind::Resource
    }
}
