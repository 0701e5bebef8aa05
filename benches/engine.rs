//! How cost grows (issue 8): one authorization decision, and whole scenarios run from their JSON
//! text, as statements, policies, requests and role-chain length grow.
//!
//! Every input is generated here and checked once before it is timed (the decision or the
//! expectations must come out as intended), so a benchmark cannot measure an early error path.
//!
//!   cargo bench --bench engine                 # everything (about 3 minutes on 2 cores)
//!   cargo bench --bench engine -- scenario/    # a group by name prefix

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::{json, Value};

use iam_playground::condition::{ContextValue, RequestContext};
use iam_playground::evaluation::{
    authorize, CallerSide, Decision, PolicyUse, Request, ResourceSide,
};
use iam_playground::lang::Lang;
use iam_playground::matching::Caller;
use iam_playground::policy::{validate_text, Policy, PolicyKind};
use iam_playground::scenario::document::read_scenario;
use iam_playground::scenario::{run_scenario, Engine, RunOptions};

const DEV: &str = "111122223333";
const PROD: &str = "444455556666";
const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const BUCKET: &str = "arn:aws:s3:::reports";
const SIZES: &[usize] = &[1, 10, 100, 1000];

fn configure() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

/// `n` statements, of which only the last allows `s3:GetObject` on the bucket's objects; the
/// others allow other actions, so every statement is matched against the request.
fn statements(n: usize, principal: Option<&str>) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let action = if i + 1 == n {
                "s3:GetObject".to_string()
            } else {
                format!("s3:PutObjectTagging{i}")
            };
            let mut s = json!({
                "Sid": format!("S{i}"),
                "Effect": "Allow",
                "Action": action,
                "Resource": format!("{BUCKET}/*"),
                "Condition": { "StringEquals": { "aws:PrincipalAccount": DEV } },
            });
            if let Some(p) = principal {
                s["Principal"] = json!({ "AWS": p });
            }
            s
        })
        .collect()
}

fn document(statements: Vec<Value>) -> Value {
    json!({ "Version": "2012-10-17", "Statement": statements })
}

fn compiled(doc: &Value, kind: PolicyKind) -> Policy {
    let checked = validate_text(&doc.to_string(), kind);
    match checked.policy {
        Some(p) if p.valid => p,
        _ => panic!("generated policy is invalid: {:?}", checked.findings),
    }
}

/// One decision: alice reads an object; a bucket policy of `n` statements grants it (a
/// resource-based policy has no size quota, so it can hold 1000 statements).
fn decision(c: &mut Criterion) {
    let mut group = c.benchmark_group("decision/statements");
    let mut context = RequestContext::new();
    context.set_derived("aws:PrincipalAccount", ContextValue::Single(DEV.into()));
    let caller = Caller::User {
        arn: ALICE.into(),
        account: DEV.into(),
    };
    for &n in SIZES {
        let policy = compiled(&document(statements(n, Some(ALICE))), PolicyKind::Resource);
        let caller_side = CallerSide {
            caller: caller.clone(),
            identity: vec![],
            boundary: None,
            session: vec![],
            scps: None,
            organization: None,
        };
        let resource_side = ResourceSide {
            account: Some(DEV.into()),
            policy: Some(PolicyUse {
                policy: &policy,
                label: "bucket policy".into(),
                managed: false,
            }),
            rcps: None,
            organization: None,
        };
        let object = format!("{BUCKET}/q1.csv");
        let request = Request {
            action: "s3:GetObject",
            resource: &object,
            context: &context,
            lang: Lang::En,
            brief: false,
        };
        let first = authorize(&caller_side, &resource_side, &request);
        assert_eq!(first.decision, Decision::Allowed, "decision/statements/{n}");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| authorize(&caller_side, &resource_side, &request))
        });
    }
    group.finish();
}

fn get_object(name: String) -> Value {
    json!({ "name": name, "principal": ALICE, "action": "s3:GetObject",
            "resource": format!("{BUCKET}/q1.csv"), "expect": "allowed" })
}

fn scenario(users: Value, roles: Value, resources: Value, requests: Vec<Value>) -> String {
    json!({
        "scenario": 1,
        "accounts": [{ "id": DEV }, { "id": PROD }],
        "users": users, "roles": roles, "resources": resources, "requests": requests,
    })
    .to_string()
}

/// A scenario whose bucket policy holds `n` statements; one request.
fn by_statements(n: usize) -> String {
    let bucket = json!([{ "arn": BUCKET, "policy": document(statements(n, Some(ALICE))) }]);
    scenario(
        json!([{ "arn": ALICE }]),
        json!([]),
        bucket,
        vec![get_object("read".into())],
    )
}

/// `n` identity policies attached to alice (one statement each, the last one allows); one request.
fn by_policies(n: usize) -> String {
    let policies: Vec<Value> = (0..n)
        .map(|i| document(statements(i + 1, None).split_off(i)))
        .collect();
    scenario(
        json!([{ "arn": ALICE, "policies": policies }]),
        json!([]),
        json!([]),
        vec![get_object("read".into())],
    )
}

/// `n` requests over a world of one user with a ten-statement identity policy.
fn by_requests(n: usize) -> String {
    let user = json!([{ "arn": ALICE, "policies": [document(statements(10, None))] }]);
    let requests = (0..n).map(|i| get_object(format!("read {i}"))).collect();
    scenario(user, json!([]), json!([]), requests)
}

/// A role chain of length `n`: alice assumes R0 in the other account, each session of Ri assumes
/// R(i+1); each role's trust policy trusts the previous role, and each role may assume the next.
fn by_chain(n: usize) -> String {
    let role = |i: usize| format!("arn:aws:iam::{PROD}:role/R{i}");
    let allow_assume = |target: String| {
        document(vec![
            json!({ "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": target }),
        ])
    };
    let roles: Vec<Value> = (0..n)
        .map(|i| {
            let trusted = if i == 0 { format!("arn:aws:iam::{DEV}:root") } else { role(i - 1) };
            json!({ "arn": role(i),
                    "trust": document(vec![json!({ "Effect": "Allow", "Principal": { "AWS": trusted },
                                                   "Action": "sts:AssumeRole" })]),
                    "policies": [allow_assume(role(i + 1))] })
        })
        .collect();
    let requests = (0..n)
        .map(|i| {
            let principal = if i == 0 {
                ALICE.to_string()
            } else {
                format!("arn:aws:sts::{PROD}:assumed-role/R{}/s{}", i - 1, i - 1)
            };
            json!({ "principal": principal, "action": "sts:AssumeRole", "resource": role(i),
                    "parameters": { "RoleSessionName": format!("s{i}") }, "expect": "allowed" })
        })
        .collect();
    let user = json!([{ "arn": ALICE, "policies": [allow_assume(role(0))] }]);
    scenario(user, Value::Array(roles), json!([]), requests)
}

/// Runs `text` once and checks every request met its expectation.
fn check(label: &str, text: &str) {
    let out = match run_scenario(text) {
        Ok(out) => out,
        Err(findings) => panic!("{label}: not runnable: {findings:?}"),
    };
    for r in &out.results {
        assert_eq!(
            r.expectation,
            Some("met"),
            "{label}: request {} {:?} {:?}",
            r.index,
            r.code,
            r.message
        );
    }
}

fn grow(c: &mut Criterion, name: &str, sizes: &[usize], make: fn(usize) -> String) {
    let mut group = c.benchmark_group(format!("scenario/{name}"));
    for &n in sizes {
        let text = make(n);
        check(&format!("scenario/{name}/{n}"), &text);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| run_scenario(text))
        });
    }
    group.finish();
}

fn scenarios(c: &mut Criterion) {
    grow(c, "statements", SIZES, by_statements);
    grow(c, "policies", SIZES, by_policies);
    // A scenario holds at most 500 requests and 1000 entities.
    grow(c, "requests", &[1, 10, 100, 500], by_requests);
    grow(c, "chain", &[1, 10, 100, 500], by_chain);
}

/// The two fixed scenarios the Node and Chromium benchmarks time, natively.
fn fixed(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenario/fixed");
    for (name, text) in [
        (
            "assume-role-mfa",
            include_str!("../bench/fixtures/assume-role-mfa.json"),
        ),
        (
            "20-requests-50-policies",
            include_str!("../bench/fixtures/20-requests-50-policies.json"),
        ),
    ] {
        check(name, text);
        group.bench_function(name, |b| b.iter(|| run_scenario(text)));
    }
    group.finish();
}

/// Where the 20-requests-50-policies scenario's time goes: reading (JSON parse and scenario
/// checks, without the policies' own parse), the whole run, and writing the results out as JSON
/// text (a stand-in for the wasm boundary, which builds the same tree as JavaScript objects).
fn phases(c: &mut Criterion) {
    let text = include_str!("../bench/fixtures/20-requests-50-policies.json");
    let mut group = c.benchmark_group("phases/20-requests-50-policies");
    group.bench_function("json-parse", |b| {
        b.iter(|| iam_playground::json::parse(text, &iam_playground::json::Limits::default()))
    });
    group.bench_function("read-scenario", |b| b.iter(|| read_scenario(text)));
    group.bench_function("run-scenario", |b| b.iter(|| run_scenario(text)));
    let out = run_scenario(text).unwrap_or_else(|f| panic!("not runnable: {f:?}"));
    group.bench_function("results-to-json", |b| {
        b.iter(|| serde_json::to_string(&out.results).map(|s| s.len()))
    });
    group.finish();
}

/// Through an `Engine`, as the page's worker runs, alternating two texts: the same text, an edit
/// inside the last request (the world kept), an edit of one policy's `Sid` (the world built again
/// with the other policies taken from the last build). Brief explanations, as the page asks with
/// every request closed.
fn engine(c: &mut Criterion) {
    let mut group = c.benchmark_group("engine");
    let options = RunOptions {
        full_explanations: Some(Vec::new()),
        ..RunOptions::default()
    };
    let fixtures = [
        (
            "assume-role-mfa",
            include_str!("../bench/fixtures/assume-role-mfa.json"),
            ("\"RoleSessionName\": \"alice\"", "\"RoleSessionName\": \"alice2\""),
            ("\"Effect\": \"Allow\",\n              \"Action\": \"sts:AssumeRole\",\n              \"Resource\"",
             "\"Effect\": \"Allow\",\n              \"Action\": \"sts:AssumeRole\" ,\n              \"Resource\""),
        ),
        (
            "20-requests-50-policies",
            include_str!("../bench/fixtures/20-requests-50-policies.json"),
            ("\"RoleSessionName\": \"u1\"\n      },\n      \"expect\": \"implicitDeny\"\n    }\n  ]",
             "\"RoleSessionName\": \"u1x\"\n      },\n      \"expect\": \"implicitDeny\"\n    }\n  ]"),
            ("\"Sid\": \"Read\"", "\"Sid\": \"Reads\""),
        ),
    ];
    for (name, text, request, policy) in fixtures {
        let edit = |(from, to): (&str, &str)| {
            let edited = text.replacen(from, to, 1);
            assert_ne!(edited, text, "{name}: the edit {from} changed nothing");
            [text.to_string(), edited]
        };
        for (what, texts) in [
            ("same", [text.to_string(), text.to_string()]),
            ("request-edit", edit(request)),
            ("policy-edit", edit(policy)),
        ] {
            let mut engine = Engine::new();
            for t in &texts {
                let out = engine
                    .run(t, &options)
                    .unwrap_or_else(|f| panic!("{name}: {f:?}"));
                assert!(out.results.iter().all(|r| r.expectation == Some("met")));
            }
            let mut turn = 0;
            group.bench_function(format!("{name}/{what}"), |b| {
                b.iter(|| {
                    turn += 1;
                    let out = engine.run(&texts[turn & 1], &options);
                    out.map(|o| serde_json::to_string(&o).map(|s| s.len()))
                })
            });
        }
    }
    group.finish();
}

criterion_group! { name = benches; config = configure(); targets = decision, scenarios, fixed, phases, engine }
criterion_main!(benches);
