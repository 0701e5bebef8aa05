//! Properties that must hold for every scenario, checked over generated ones (`proptest`), and
//! the fuzz targets' smoke run (`mod smoke`).
//!
//! The generated world is small on purpose: two accounts, one user in each (same- and
//! cross-account callers), one role in each with a generated trust policy, one S3 bucket with an
//! optional bucket policy, optional permissions boundaries, and statements drawn from a handful
//! of actions, resources and conditions. Small sets make matches likely, so decisions vary
//! (`generated_worlds_reach_every_decision` checks that they do, so the properties are not
//! vacuous). Everything goes through the public API: scenario JSON text in, results out.
#![cfg(not(target_arch = "wasm32"))]

#[path = "properties/smoke.rs"]
mod smoke;

use iam_playground::evaluation::Decision;
use iam_playground::scenario::{link, run_scenario, run_scenario_with, RequestResult, RunOptions};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const CAROL: &str = "arn:aws:iam::444455556666:user/carol";
const ROLE_A: &str = "arn:aws:iam::111122223333:role/app/Deployer";
const ROLE_B: &str = "arn:aws:iam::444455556666:role/Ops";
const OBJECT: &str = "arn:aws:s3:::reports/q1.csv";
const INSTANCE: &str = "arn:aws:ec2:us-east-1:111122223333:instance/*";

const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "sts:AssumeRole",
    "ec2:RunInstances",
    "s3:*",
    "*",
];
const RESOURCES: &[&str] = &[
    "*",
    OBJECT,
    "arn:aws:s3:::reports/*",
    "arn:aws:s3:::rep*",
    ROLE_A,
    "arn:aws:iam::*:role/*",
    "arn:aws:ec2:*:111122223333:instance/*",
];
/// A bucket policy's resources must lie in its bucket.
const BUCKET_RESOURCES: &[&str] = &[
    OBJECT,
    "arn:aws:s3:::reports/*",
    "arn:aws:s3:::reports/*.csv",
];
const BUCKET_ACTIONS: &[&str] = &["s3:GetObject", "s3:PutObject", "s3:*"];
/// A trust policy allows STS actions only, and names no resource.
const TRUST_ACTIONS: &[&str] = &["sts:AssumeRole", "sts:*"];
/// `*` is `"Principal": "*"`, `AWS:*` is `{"AWS": "*"}`; a trust policy may not have the first
/// (Access Analyzer's ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL), so it starts at 1.
const PRINCIPALS: &[&str] = &[
    "*",
    "AWS:*",
    "arn:aws:iam::111122223333:root",
    "arn:aws:iam::444455556666:root",
    ALICE,
    CAROL,
];

/// Which kind of policy a statement is for: it decides the elements it may have.
#[derive(Clone, Copy, Debug)]
enum Place {
    Identity,
    Bucket,
    Trust,
}

#[derive(Clone, Debug)]
enum Condition {
    Team(&'static str),
    SecureTransport(bool),
}

#[derive(Clone, Debug)]
struct Statement {
    allow: bool,
    actions: Vec<&'static str>,
    resources: Vec<&'static str>,
    principal: Option<&'static str>,
    condition: Option<Condition>,
}

#[derive(Clone, Debug)]
struct Request {
    principal: &'static str,
    action: &'static str,
    resource: &'static str,
    secure_transport: Option<bool>,
}

#[derive(Clone, Debug)]
struct World {
    /// Alice's and Carol's inline identity policies, each a list of statements (never empty).
    alice: Vec<Vec<Statement>>,
    carol: Vec<Vec<Statement>>,
    alice_boundary: Option<Vec<Statement>>,
    carol_boundary: Option<Vec<Statement>>,
    bucket_policy: Option<Vec<Statement>>,
    trust_a: Option<Vec<Statement>>,
    trust_b: Option<Vec<Statement>>,
    requests: Vec<Request>,
}

fn condition() -> impl Strategy<Value = Option<Condition>> {
    prop_oneof![
        2 => Just(None),
        1 => select(&["blue", "red"][..]).prop_map(|t| Some(Condition::Team(t))),
        1 => any::<bool>().prop_map(|b| Some(Condition::SecureTransport(b))),
    ]
}

fn statement_for(
    place: Place,
    allow: impl Strategy<Value = bool>,
) -> impl Strategy<Value = Statement> {
    let (actions, resources): (&[&str], &[&str]) = match place {
        Place::Identity => (ACTIONS, RESOURCES),
        Place::Bucket => (BUCKET_ACTIONS, BUCKET_RESOURCES),
        Place::Trust => (TRUST_ACTIONS, &[]),
    };
    let resources = if resources.is_empty() {
        Just(Vec::new()).boxed()
    } else {
        proptest::collection::vec(select(resources), 1..=2).boxed()
    };
    let principal = match place {
        Place::Identity => Just(None).boxed(),
        Place::Bucket => select(PRINCIPALS).prop_map(Some).boxed(),
        Place::Trust => select(&PRINCIPALS[1..]).prop_map(Some).boxed(),
    };
    (
        allow,
        proptest::collection::vec(select(actions), 1..=2),
        resources,
        principal,
        condition(),
    )
        .prop_map(
            |(allow, actions, resources, principal, condition)| Statement {
                allow,
                actions,
                resources,
                principal,
                condition,
            },
        )
}

fn statements(place: Place) -> impl Strategy<Value = Vec<Statement>> {
    // Allows more often than denies, so that allowed decisions are common enough to matter.
    proptest::collection::vec(statement_for(place, proptest::bool::weighted(0.75)), 1..=3)
}

fn request() -> impl Strategy<Value = Request> {
    let target = select(
        &[
            ("s3:GetObject", OBJECT),
            ("s3:PutObject", OBJECT),
            ("s3:GetObject", "arn:aws:s3:::other/x"),
            ("sts:AssumeRole", ROLE_A),
            ("sts:AssumeRole", ROLE_B),
            ("ec2:RunInstances", INSTANCE),
        ][..],
    );
    (
        select(&[ALICE, CAROL][..]),
        target,
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(principal, (action, resource), secure_transport)| Request {
                principal,
                action,
                resource,
                secure_transport,
            },
        )
}

fn world() -> impl Strategy<Value = World> {
    let identity = || proptest::collection::vec(statements(Place::Identity), 0..=2);
    (
        identity(),
        identity(),
        proptest::option::of(statements(Place::Identity)),
        proptest::option::of(statements(Place::Identity)),
        proptest::option::of(statements(Place::Bucket)),
        proptest::option::of(statements(Place::Trust)),
        proptest::option::of(statements(Place::Trust)),
        proptest::collection::vec(request(), 1..=4),
    )
        .prop_map(
            |(
                alice,
                carol,
                alice_boundary,
                carol_boundary,
                bucket_policy,
                trust_a,
                trust_b,
                requests,
            )| {
                World {
                    alice,
                    carol,
                    alice_boundary,
                    carol_boundary,
                    bucket_policy,
                    trust_a,
                    trust_b,
                    requests,
                }
            },
        )
}

fn one_or_many(items: &[&str]) -> Value {
    match items {
        [one] => json!(one),
        many => json!(many),
    }
}

fn statement_json(s: &Statement) -> Value {
    let mut out = json!({
        "Effect": if s.allow { "Allow" } else { "Deny" },
        "Action": one_or_many(&s.actions),
    });
    if !s.resources.is_empty() {
        out["Resource"] = one_or_many(&s.resources);
    }
    if let Some(p) = s.principal {
        out["Principal"] = match p {
            "*" => json!("*"),
            "AWS:*" => json!({ "AWS": "*" }),
            arn => json!({ "AWS": arn }),
        };
    }
    match &s.condition {
        None => {}
        Some(Condition::Team(team)) => {
            out["Condition"] = json!({ "StringEquals": { "aws:PrincipalTag/team": team } })
        }
        Some(Condition::SecureTransport(b)) => {
            out["Condition"] = json!({ "Bool": { "aws:SecureTransport": b.to_string() } })
        }
    }
    out
}

fn policy_json(statements: &[Statement]) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": statements.iter().map(statement_json).collect::<Vec<_>>(),
    })
}

fn principal_json(
    arn: &str,
    team: &str,
    policies: &[Vec<Statement>],
    boundary: &Option<Vec<Statement>>,
) -> Value {
    let mut out = json!({
        "arn": arn,
        "tags": { "team": team },
        "policies": policies.iter().map(|p| policy_json(p)).collect::<Vec<_>>(),
    });
    if let Some(b) = boundary {
        out["boundary"] = policy_json(b);
    }
    out
}

fn role_json(arn: &str, trust: &Option<Vec<Statement>>) -> Value {
    let mut out = json!({ "arn": arn, "policies": [] });
    if let Some(t) = trust {
        out["trust"] = policy_json(t);
    }
    out
}

/// The scenario document for a world, as a user would write it.
fn scenario_text(w: &World) -> String {
    let mut bucket = json!({ "arn": "arn:aws:s3:::reports" });
    if let Some(p) = &w.bucket_policy {
        bucket["policy"] = policy_json(p);
    }
    let requests: Vec<Value> = w
        .requests
        .iter()
        .map(|r| {
            let mut out =
                json!({ "principal": r.principal, "action": r.action, "resource": r.resource });
            if r.action == "sts:AssumeRole" {
                out["parameters"] = json!({ "RoleSessionName": "s1" });
            }
            if let Some(b) = r.secure_transport {
                out["context"] = json!({ "aws:SecureTransport": b });
            }
            out
        })
        .collect();
    json!({
        "scenario": 1,
        "title": "generated",
        "accounts": [ { "id": "111122223333" }, { "id": "444455556666" } ],
        "users": [
            principal_json(ALICE, "blue", &w.alice, &w.alice_boundary),
            principal_json(CAROL, "red", &w.carol, &w.carol_boundary),
        ],
        "roles": [ role_json(ROLE_A, &w.trust_a), role_json(ROLE_B, &w.trust_b) ],
        "resources": [ bucket ],
        "requests": requests,
    })
    .to_string()
}

/// Each request's decision and AWS error code, the part of a result no rewriting may change.
fn decisions(text: &str) -> Result<Vec<(Decision, Option<String>)>, String> {
    match run_scenario(text) {
        Ok(out) => Ok(out
            .results
            .into_iter()
            .map(|r| (r.decision, r.code))
            .collect()),
        Err(findings) => Err(format!("not a valid scenario: {findings:?}\n{text}")),
    }
}

fn decisions_ok(w: &World) -> Result<Vec<(Decision, Option<String>)>, TestCaseError> {
    decisions(&scenario_text(w)).map_err(TestCaseError::fail)
}

/// Every place a statement can be added to, and a mutable handle on it.
fn place_mut(w: &mut World, which: usize) -> (&mut Vec<Statement>, Place) {
    fn get(o: &mut Option<Vec<Statement>>) -> &mut Vec<Statement> {
        o.get_or_insert_with(Vec::new)
    }
    match which % 6 {
        0 => {
            if w.alice.is_empty() {
                w.alice.push(Vec::new());
            }
            (&mut w.alice[0], Place::Identity)
        }
        1 => {
            if w.carol.is_empty() {
                w.carol.push(Vec::new());
            }
            let last = w.carol.len() - 1;
            (&mut w.carol[last], Place::Identity)
        }
        // A boundary that is not there is not added: a new boundary restricts by itself, and
        // this property is about the Deny.
        2 if w.alice_boundary.is_some() => (get(&mut w.alice_boundary), Place::Identity),
        3 => (get(&mut w.bucket_policy), Place::Bucket),
        4 => (get(&mut w.trust_a), Place::Trust),
        _ => (get(&mut w.trust_b), Place::Trust),
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A Deny statement for each kind of place, to be added to whichever the case picks.
fn denies() -> impl Strategy<Value = (Statement, Statement, Statement)> {
    (
        statement_for(Place::Identity, Just(false)),
        statement_for(Place::Bucket, Just(false)),
        statement_for(Place::Trust, Just(false)),
    )
}

proptest! {
    #![proptest_config(config())]

    /// "An explicit deny in any policy overrides any allow" (IAM User Guide, Policy evaluation
    /// logic): adding a Deny statement anywhere can take access away, never grant it.
    #[test]
    fn adding_a_deny_never_allows(w in world(), deny in denies(), which in 0usize..6, at in any::<prop::sample::Index>()) {
        let before = decisions_ok(&w)?;
        let mut denied = w.clone();
        let (statements, place) = place_mut(&mut denied, which);
        let statement = match place {
            Place::Identity => deny.0,
            Place::Bucket => deny.1,
            Place::Trust => deny.2,
        };
        let position = at.index(statements.len() + 1);
        statements.insert(position, statement);
        let after = decisions(&scenario_text(&denied)).map_err(TestCaseError::fail)?;
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            prop_assert!(
                a.0 != Decision::Allowed || b.0 == Decision::Allowed,
                "request {i} went from {:?} to allowed after adding a Deny:\n{}",
                b, scenario_text(&denied)
            );
        }
    }

    /// Statements are unordered and so are the policies attached to a principal (IAM User Guide,
    /// Policy evaluation logic: every applicable policy and statement is evaluated).
    #[test]
    fn order_never_changes_a_decision(w in world(), seed in any::<u64>()) {
        let before = decisions_ok(&w)?;
        let mut shuffled = w.clone();
        let mut rng = seed;
        let mut next = move |n: usize| {
            // xorshift: a deterministic shuffle that proptest's seed reproduces.
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n.max(1) as u64) as usize
        };
        let shuffle = |v: &mut Vec<Statement>, next: &mut dyn FnMut(usize) -> usize| {
            for i in (1..v.len()).rev() {
                v.swap(i, next(i + 1));
            }
        };
        for policies in [&mut shuffled.alice, &mut shuffled.carol] {
            for i in (1..policies.len()).rev() {
                policies.swap(i, next(i + 1));
            }
            for p in policies.iter_mut() {
                shuffle(p, &mut next);
            }
        }
        for p in [&mut shuffled.alice_boundary, &mut shuffled.carol_boundary, &mut shuffled.bucket_policy, &mut shuffled.trust_a, &mut shuffled.trust_b].into_iter().flatten() {
            shuffle(p, &mut next);
        }
        let after = decisions(&scenario_text(&shuffled)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&before, &after, "reordered scenario:\n{}", scenario_text(&shuffled));
    }

    /// The same statements in one policy or in two attached policies grant and deny the same.
    #[test]
    fn splitting_a_policy_never_changes_a_decision(w in world(), at in any::<prop::sample::Index>(), carol in any::<bool>()) {
        let before = decisions_ok(&w)?;
        let mut split = w.clone();
        let policies = if carol { &mut split.carol } else { &mut split.alice };
        let Some(index) = policies.iter().position(|p| p.len() >= 2) else {
            return Ok(());
        };
        let cut = 1 + at.index(policies[index].len() - 1);
        let second = policies[index].split_off(cut);
        policies.insert(index + 1, second);
        let after = decisions(&scenario_text(&split)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&before, &after, "split scenario:\n{}", scenario_text(&split));
    }

    /// A brief result (a closed request, whose statements are matched without being described)
    /// is the full one cut down: the same decision, error, session and summary.
    #[test]
    fn brief_results_are_full_ones_cut_down(w in world()) {
        let text = scenario_text(&w);
        let closed = RunOptions { full_explanations: Some(Vec::new()), ..RunOptions::default() };
        let brief = run_scenario_with(&text, &closed).map_err(|f| TestCaseError::fail(format!("{f:?}")))?;
        let mut full = run_scenario(&text).map_err(|f| TestCaseError::fail(format!("{f:?}")))?;
        full.results.iter_mut().for_each(RequestResult::brief);
        prop_assert_eq!(
            serde_json::to_value(&brief).ok(),
            serde_json::to_value(&full).ok(),
            "scenario:\n{}", text
        );
    }

    /// A share link carries the scenario whole: decoding what was encoded runs to the same
    /// results, explanations included (but for line numbers: the decoded text is re-indented).
    #[test]
    fn share_links_round_trip(w in world()) {
        let text = scenario_text(&w);
        let link = link::encode(&text).map_err(|e| TestCaseError::fail(e.message()))?;
        let decoded = link::decode(&link).map_err(|e| TestCaseError::fail(e.message()))?;
        let results = |t: &str| {
            run_scenario(t).map(|o| serde_json::to_value(o.results).ok().map(without_lines))
        };
        let before = results(&text).map_err(|f| TestCaseError::fail(format!("{f:?}")))?;
        let after = results(&decoded).map_err(|f| TestCaseError::fail(format!("{f:?}")))?;
        prop_assert!(before.is_some());
        prop_assert_eq!(before, after, "link {}", link);
    }
}

/// A result's JSON without the `line` and `column` members that point into the text.
fn without_lines(value: Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .filter(|(k, _)| k != "line" && k != "column")
                .map(|(k, v)| (k, without_lines(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_lines).collect()),
        other => other,
    }
}

/// The generator reaches allowed, implicit deny and explicit deny, so the properties above are
/// about real decisions; each world is written out by hand with the decision AWS gives.
#[test]
fn generated_worlds_reach_every_decision() {
    let allow = |actions: &[&'static str], resources: &[&'static str]| Statement {
        allow: true,
        actions: actions.to_vec(),
        resources: resources.to_vec(),
        principal: None,
        condition: None,
    };
    let get = Request {
        principal: ALICE,
        action: "s3:GetObject",
        resource: OBJECT,
        secure_transport: None,
    };
    let empty = World {
        alice: vec![],
        carol: vec![],
        alice_boundary: None,
        carol_boundary: None,
        bucket_policy: None,
        trust_a: None,
        trust_b: None,
        requests: vec![get.clone()],
    };
    let d = |w: &World| decisions(&scenario_text(w)).unwrap()[0].0;
    assert_eq!(d(&empty), Decision::ImplicitDeny, "no policy allows");

    let mut allowed = empty.clone();
    allowed.alice = vec![vec![allow(&["s3:*"], &["arn:aws:s3:::reports/*"])]];
    assert_eq!(
        d(&allowed),
        Decision::Allowed,
        "an identity policy allows, same account"
    );

    let mut tagged = allowed.clone();
    tagged.alice[0][0].condition = Some(Condition::Team("red"));
    assert_eq!(
        d(&tagged),
        Decision::ImplicitDeny,
        "alice's team tag is blue, not red"
    );

    let mut denied = allowed.clone();
    denied.alice.push(vec![Statement {
        allow: false,
        ..allow(&["*"], &["*"])
    }]);
    assert_eq!(
        d(&denied),
        Decision::ExplicitDeny,
        "a Deny in another policy"
    );

    let mut bounded = allowed.clone();
    bounded.alice_boundary = Some(vec![allow(&["ec2:RunInstances"], &["*"])]);
    assert_eq!(
        d(&bounded),
        Decision::ImplicitDeny,
        "the boundary does not allow s3"
    );
}
