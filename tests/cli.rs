//! The command line honours its contract (docs: scenario-format.md, "Command line"): exit codes,
//! `FILE:LINE:COLUMN: message` on standard error for invalid scenarios, and refusal of hostile
//! files with a message rather than a crash.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iam-playground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iam-playground-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const SCENARIO: &str = r#"{
  "scenario": 1,
  "users": [{ "arn": "arn:aws:iam::111122223333:user/alice",
              "policies": [{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }] }],
  "requests": [
    { "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "expect": "allowed" },
    { "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:PutObject", "resource": "arn:aws:s3:::b/k", "expect": "EXPECT" }
  ]
}"#;

#[test]
fn run_exit_codes_follow_expectations() {
    let met = temp_file(
        "met.json",
        SCENARIO.replace("EXPECT", "implicitDeny").as_bytes(),
    );
    let out = cli(&["run", met.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("because no identity-based policy allows the s3:PutObject action"),
        "{stdout}"
    );

    let unmet = temp_file(
        "unmet.json",
        SCENARIO.replace("EXPECT", "allowed").as_bytes(),
    );
    assert_eq!(
        cli(&["run", unmet.to_str().unwrap()]).status.code(),
        Some(1)
    );

    let out = cli(&["run", met.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    assert_eq!(json["results"][1]["decision"], "implicitDeny");
    assert_eq!(json["results"][1]["code"], "AccessDenied");
    assert!(json["findings"].is_array());
}

#[test]
fn invalid_scenarios_exit_2_with_file_line_column() {
    let typo = temp_file(
        "typo.json",
        b"{\n  \"scenario\": 1,\n  \"requests\": [],\n  \"trsut\": {}\n}",
    );
    let out = cli(&["run", typo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!("{}:4:3: ", typo.display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("`trsut`"), "{stderr}");
}

#[test]
fn hostile_files_are_refused_with_a_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = vec![b' '; 5 * 1024 * 1024];
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.json", Vec::new()),
        ("binary.json", vec![0, 159, 146, 150, 0xff, 0xfe, 7, 0]),
        ("latin1.json", b"{\"title\": \"caf\xe9\"}".to_vec()),
        ("deep.json", deep.into_bytes()),
        ("huge.json", huge),
        ("garbage.json", b"}{][,:".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = temp_file(name, &bytes);
        let out = cli(&["run", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let prefix = format!("{}:", path.display());
        assert!(stderr.starts_with(&prefix), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    assert_eq!(cli(&["run", "/no/such/file.json"]).status.code(), Some(2));
    assert_eq!(cli(&["run"]).status.code(), Some(2));
}

#[test]
fn validate_exit_codes_and_kinds() {
    let good = temp_file("good.json", br#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#);
    assert_eq!(
        cli(&["validate", good.to_str().unwrap()]).status.code(),
        Some(0)
    );
    // The same document is not a trust policy: Resource is forbidden there, Principal required.
    let out = cli(&[
        "validate",
        "--kind",
        "trust",
        good.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["severity"] == "error"));
    let broken = temp_file("broken.json", b"{\n  \"Version\": \"2012-10-17\",\n}");
    let out = cli(&["validate", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":3:1:"));
    assert_eq!(
        cli(&["validate", "--kind", "nonsense", good.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(cli(&["validate", "/no/such/file"]).status.code(), Some(2));
}

#[test]
fn link_round_trips_and_refuses_garbage() {
    let file = temp_file(
        "link.json",
        SCENARIO.replace("EXPECT", "implicitDeny").as_bytes(),
    );
    let out = cli(&["link", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let fragment = String::from_utf8(out.stdout).unwrap();
    assert!(fragment.starts_with("#s1."), "{fragment}");
    let url = format!("http://127.0.0.1:8080/{}", fragment.trim());
    let out = cli(&["link", "--decode", &url]);
    assert_eq!(out.status.code(), Some(0));
    let decoded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&SCENARIO.replace("EXPECT", "implicitDeny")).unwrap();
    assert_eq!(decoded, original);
    for garbage in ["#s1.!!!!", "#s2.AAAA", "#nothing", "#s1.AAAAAAAA"] {
        let out = cli(&["link", "--decode", garbage]);
        assert_eq!(out.status.code(), Some(2), "{garbage}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}

/// A denied request lists what would change the checks that did not allow, each under its name;
/// the advice of a check that passed (removing the Allow that grants it) is not why it failed.
#[test]
fn run_lists_advice_under_the_check_that_failed() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/examples/lambda-pass-role.json"
    );
    let out = cli(&["run", example]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let request = stdout
        .split("\n  ok   [")
        .find(|r| r.starts_with("1] no iam:PassRole permission"))
        .expect("request 1 is printed");
    assert!(
        request.contains(
            "at iam:PassRole on arn:aws:iam::111122223333:role/service-role/AppRole: implicitDeny\n           - Give arn:aws:iam::111122223333:user/nopass an identity-based policy"
        ),
        "{request}"
    );
    assert!(!request.contains("Removing the Allow"), "{request}");
}
