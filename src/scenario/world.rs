//! The world a scenario describes, ready to evaluate: every policy reference resolved and parsed
//! once, entities indexed by ARN, organizations laid out level by level.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use crate::condition::DerivedKeys;
use crate::evaluation::{OrgLevel, PolicyUse};
use crate::finding::Finding;
use crate::json::{self, Json, Limits};
use crate::lang::{say, Lang};
use crate::policy::{parse_policy, parse_policy_in, Located, Place, Policy, PolicyKind};

use super::catalogue;
use super::document::{OrgPolicies, PolicyRef, Scenario, Tag};
use super::policy_cache::PolicyCache;

/// Index of a parsed policy in [`World::policies`], with the label the explanation uses.
#[derive(Clone, Debug)]
pub struct PolicyHandle {
    pub index: usize,
    /// Shared: every request that evaluates the policy names it, and a count is cheaper to
    /// share than the text to copy.
    pub label: Rc<str>,
    /// An AWS managed policy of the catalogue: detached, never edited.
    pub managed: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Principal {
    /// Its unique id (`AIDA…` for a user, `AROA…` for a role), derived from its ARN once
    /// rather than on every request (see [`crate::sts::unique_id`]).
    pub unique_id: String,
    pub identity: Vec<PolicyHandle>,
    pub boundary: Option<PolicyHandle>,
    pub tags: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct RoleEntry {
    pub arn: String,
    pub name: String,
    pub account: String,
    pub trust: Option<PolicyHandle>,
    pub permissions: Principal,
    pub max_session_duration: u32,
    pub instance_profiles: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct OrgEntry {
    pub id: String,
    /// `o-id/r-root/ou-.../` as `aws:PrincipalOrgPaths` writes it.
    pub org_path: String,
    pub scps: Vec<(String, Vec<PolicyHandle>)>,
    pub rcps: Vec<(String, Vec<PolicyHandle>)>,
    /// The organization's management account: its principals are not limited by SCPs, nor its
    /// resources by RCPs.
    pub management: bool,
}

/// The scenario resolved.
#[derive(Debug, Default)]
pub struct World {
    /// Shared with an engine's [`PolicyCache`], which keeps them for the next build.
    pub policies: Vec<Rc<Policy>>,
    pub users: SortedMap<String, Principal>,
    /// Shared: a request holds its role while the run records what the request did.
    pub roles: SortedMap<String, Rc<RoleEntry>>,
    pub resources: SortedMap<String, PolicyHandle>,
    /// The owners that resources without an account in their ARN declare (S3 buckets).
    pub resource_owners: SortedMap<String, String>,
    pub organizations: SortedMap<String, OrgEntry>,
    pub findings: Vec<Finding>,
    /// The groups of derived keys some policy reads (see [`DerivedKeys`]): all a request whose
    /// explanation is brief needs made.
    pub keys_read: DerivedKeys,
    /// Parsed once per (reference, kind): a named policy used as identity and as boundary is
    /// read under each kind's rules.
    cache: SortedMap<(String, PolicyKind), usize>,
    /// The language of the labels ("inline policy 0 of user alice").
    lang: Lang,
    /// While an engine builds the world: the scenario's text and the policies kept from its
    /// last build.
    reuse: Option<Reuse>,
}

#[derive(Debug)]
/// What [`World::build_reusing`] reads policies through: the scenario's text, and the compiled
/// policies an [`Engine`](super::Engine) kept from the world it built before.
pub(super) struct Reuse {
    pub text: String,
    pub cache: PolicyCache,
    /// How many policies the build took from the cache.
    pub reused: usize,
}

impl World {
    /// Resolves a scenario's world; the policies' labels are written in `lang`.
    pub fn build(scenario: &Scenario, lang: Lang) -> World {
        World::build_with(scenario, lang, None)
    }

    /// [`World::build`], reusing the policies `reuse` kept whose text, column and language are
    /// unchanged; `reuse` comes back with this world's policies kept.
    pub(super) fn build_reusing(
        scenario: &Scenario,
        lang: Lang,
        reuse: Reuse,
    ) -> (World, Option<Reuse>) {
        let mut world = World::build_with(scenario, lang, Some(reuse));
        let reuse = world.reuse.take().map(|mut r| {
            r.reused = r.cache.finish();
            r
        });
        (world, reuse)
    }

    fn build_with(scenario: &Scenario, lang: Lang, reuse: Option<Reuse>) -> World {
        let mut world = World {
            lang,
            reuse,
            keys_read: DerivedKeys::NONE,
            ..World::default()
        };
        world.add_organizations(scenario);
        world.add_groups_and_users(scenario);
        world.add_roles(scenario);
        for resource in &scenario.resources {
            if let Some(account) = &resource.account {
                (world.resource_owners).insert(resource.arn.value.clone(), account.value.clone());
            }
            if let Some(policy) = &resource.policy {
                let arn = &resource.arn.value;
                let label = say!(
                    lang,
                    "resource-based policy of {arn}",
                    "{arn} のリソースベースのポリシー"
                );
                if let Some(handle) = world.resolve(scenario, policy, PolicyKind::Resource, label) {
                    world.resources.insert(resource.arn.value.clone(), handle);
                }
            }
        }
        world
    }

    /// The account that owns `resource`: the one its ARN names, or for an ARN without one the
    /// `account` its resource entry declares, scoped as AWS scopes resources (an S3 object
    /// belongs to its bucket's owner).
    pub fn owner_of<'a>(&'a self, resource: &'a str) -> Option<&'a str> {
        if let Some(account) = crate::arn::account_of(resource).filter(|a| !a.is_empty()) {
            return Some(account);
        }
        let declared = |arn: &str| self.resource_owners.get(arn).map(String::as_str);
        // An object's bucket ARN is the start of the object's own ARN: no copy is made.
        let bucket_arn = s3_bucket(resource).map(|b| &resource[..S3_ARN_PREFIX.len() + b.len()]);
        declared(resource).or_else(|| declared(bucket_arn?))
    }

    pub fn policy(&self, handle: &PolicyHandle) -> &Policy {
        &self.policies[handle.index]
    }

    pub fn use_of(&self, handle: &PolicyHandle) -> PolicyUse<'_> {
        PolicyUse {
            policy: self.policy(handle),
            label: handle.label.clone(),
            managed: handle.managed,
        }
    }

    pub fn levels(&self, levels: &[(String, Vec<PolicyHandle>)]) -> Vec<OrgLevel<'_>> {
        levels
            .iter()
            .map(|(target, handles)| OrgLevel {
                target: target.clone(),
                policies: handles.iter().map(|h| self.use_of(h)).collect(),
            })
            .collect()
    }

    fn add_organizations(&mut self, scenario: &Scenario) {
        for account in &scenario.accounts {
            let Some(org) = &account.organization else {
                continue;
            };
            let mut path: Vec<String> = org.path.iter().map(|p| p.value.clone()).collect();
            let org_path = format!("{}/{}/", org.id.value, path.join("/"));
            path.push(account.id.value.clone());
            let scps = self.org_levels(scenario, &path, &org.scps, PolicyKind::Scp);
            let rcps = self.org_levels(scenario, &path, &org.rcps, PolicyKind::Rcp);
            let entry = OrgEntry {
                id: org.id.value.clone(),
                org_path,
                scps,
                rcps,
                management: org.management,
            };
            self.organizations.insert(account.id.value.clone(), entry);
        }
    }

    /// One level per target on the path that has policies attached, in path order. A level with
    /// nothing attached is left out: AWS cannot detach the last policy of a level, so a scenario
    /// that lists no SCPs for a level means "not modelled", not "deny everything".
    fn org_levels(
        &mut self,
        scenario: &Scenario,
        path: &[String],
        attached: &[OrgPolicies],
        kind: PolicyKind,
    ) -> Vec<(String, Vec<PolicyHandle>)> {
        let short = if kind == PolicyKind::Scp {
            "SCP"
        } else {
            "RCP"
        };
        path.iter()
            .filter_map(|target| {
                let refs: Vec<&Located<PolicyRef>> = attached
                    .iter()
                    .filter(|a| &a.target.value == target)
                    .flat_map(|a| &a.policies)
                    .collect();
                if refs.is_empty() {
                    return None;
                }
                let handles = refs
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, r)| {
                        let what = describe_ref(r, i, self.lang);
                        let label = say!(
                            self.lang,
                            "{short} {what} at {target}",
                            "{target} の {short} {what}"
                        );
                        self.resolve(scenario, r, kind, label)
                    })
                    .collect();
                Some((target.clone(), handles))
            })
            .collect()
    }

    fn add_groups_and_users(&mut self, scenario: &Scenario) {
        // A user names a group by its name (in the user's account) or by its ARN.
        let mut groups: SortedMap<String, Vec<PolicyHandle>> = SortedMap::new();
        for group in &scenario.groups {
            let owner = say!(self.lang, "group {}", "グループ {}", group.name);
            let handles = self.resolve_all(scenario, &group.policies, &owner);
            groups.insert(group.arn.value.clone(), handles.clone());
            groups.insert(format!("{}:{}", group.account, group.name), handles);
        }
        for user in &scenario.users {
            let owner = say!(self.lang, "user {}", "ユーザー {}", user.name);
            let mut identity = self.resolve_all(scenario, &user.policies, &owner);
            for group in &user.groups {
                let key = if group.value.starts_with("arn:") {
                    group.value.clone()
                } else {
                    format!("{}:{}", user.account, group.value)
                };
                if let Some(handles) = groups.get(&key) {
                    identity.extend(handles.iter().cloned());
                }
            }
            let boundary = user.boundary.as_ref().and_then(|b| {
                self.resolve(
                    scenario,
                    b,
                    PolicyKind::Boundary,
                    say!(
                        self.lang,
                        "permissions boundary of {owner}",
                        "{owner} のアクセス許可の境界"
                    ),
                )
            });
            let principal = Principal {
                unique_id: crate::sts::unique_id("AIDA", &user.arn.value),
                identity,
                boundary,
                tags: tags(&user.tags),
            };
            self.users.insert(user.arn.value.clone(), principal);
        }
    }

    fn add_roles(&mut self, scenario: &Scenario) {
        for role in &scenario.roles {
            let what = say!(self.lang, "role {}", "ロール {}", role.name);
            let trust = role.trust.as_ref().and_then(|t| {
                self.resolve(
                    scenario,
                    t,
                    PolicyKind::Trust,
                    say!(self.lang, "trust policy of {what}", "{what} の信頼ポリシー"),
                )
            });
            let identity = self.resolve_all(scenario, &role.policies, &what);
            let boundary = role.boundary.as_ref().and_then(|b| {
                self.resolve(
                    scenario,
                    b,
                    PolicyKind::Boundary,
                    say!(
                        self.lang,
                        "permissions boundary of {what}",
                        "{what} のアクセス許可の境界"
                    ),
                )
            });
            let entry = RoleEntry {
                arn: role.arn.value.clone(),
                name: role.name.clone(),
                account: role.account.clone(),
                trust,
                permissions: Principal {
                    unique_id: crate::sts::role_id(&role.arn.value),
                    identity,
                    boundary,
                    tags: tags(&role.tags),
                },
                max_session_duration: role.max_session_duration,
                instance_profiles: role
                    .instance_profiles
                    .iter()
                    .map(|p| p.value.clone())
                    .collect(),
            };
            self.roles.insert(role.arn.value.clone(), Rc::new(entry));
        }
    }

    fn resolve_all(
        &mut self,
        scenario: &Scenario,
        refs: &[Located<PolicyRef>],
        owner: &str,
    ) -> Vec<PolicyHandle> {
        refs.iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let what = describe_ref(r, i, self.lang);
                let label = match self.lang {
                    Lang::En => format!("{what} of {owner}"),
                    // "ユーザー alice のインラインポリシー 0", "ロール app の AdministratorAccess
                    // (AWS 管理ポリシー)": a space before Latin text, as AWS's Japanese writes.
                    Lang::Ja if what.starts_with(|c: char| c.is_ascii_alphanumeric()) => {
                        format!("{owner} の {what}")
                    }
                    Lang::Ja => format!("{owner} の{what}"),
                };
                self.resolve(scenario, r, PolicyKind::Identity, label)
            })
            .collect()
    }

    /// Parses what a reference names under `kind`'s rules, once; unknown managed policies are a
    /// finding at the reference.
    pub fn resolve(
        &mut self,
        scenario: &Scenario,
        reference: &Located<PolicyRef>,
        kind: PolicyKind,
        label: String,
    ) -> Option<PolicyHandle> {
        let label: Rc<str> = label.into();
        let key = match &reference.value {
            PolicyRef::Inline(_) => format!("inline:{}", reference.place.pointer),
            PolicyRef::Named(name) => format!("named:{name}"),
            PolicyRef::Managed(name) => format!("managed:{name}"),
        };
        let managed = matches!(reference.value, PolicyRef::Managed(_));
        if let Some(&index) = self.cache.get(&(key.clone(), kind)) {
            return Some(PolicyHandle {
                index,
                label,
                managed,
            });
        }
        let policy = match &reference.value {
            PolicyRef::Inline(json) => self.parse(json, kind, &reference.place.pointer),
            PolicyRef::Named(name) => {
                let named = scenario.policies.iter().find(|p| &p.name == name)?;
                self.parse(&named.document, kind, &named.place.pointer)
            }
            PolicyRef::Managed(name) => {
                Rc::new(self.parse_managed(name, kind, &reference.place)?)
            }
        };
        let index = self.push_policy(policy);
        self.cache.insert((key, kind), index);
        Some(PolicyHandle {
            index,
            label,
            managed,
        })
    }

    /// Adds a parsed policy, counting the keys it reads; its index.
    pub fn push_policy(&mut self, policy: Rc<Policy>) -> usize {
        self.keys_read = self.keys_read | policy.derived_keys_read();
        self.policies.push(policy);
        self.policies.len() - 1
    }

    fn parse(&mut self, json: &Json, kind: PolicyKind, pointer: &str) -> Rc<Policy> {
        let (policy, findings) = match &mut self.reuse {
            Some(r) => r.cache.parse(&r.text, json, kind, pointer, self.lang),
            None => {
                let parsed = parse_policy_in(json, kind, pointer, self.lang);
                (Rc::new(parsed.policy), parsed.findings)
            }
        };
        self.findings.extend(findings);
        policy
    }

    fn parse_managed(&mut self, name: &str, kind: PolicyKind, place: &Place) -> Option<Policy> {
        let Some(managed) = catalogue::lookup(name) else {
            let message = catalogue::not_found_message_in(name, self.lang);
            self.findings.push(Finding::error(
                "UNKNOWN_MANAGED_POLICY",
                message,
                place.pointer.clone(),
                Some(place.span),
            ));
            return None;
        };
        // Catalogue documents are AWS's own and valid; their positions are not the scenario's,
        // so the policy takes the place of the reference.
        let json = json::parse(managed.document, &Limits::default()).ok()?;
        let mut policy = parse_policy(&json, kind, &place.pointer).policy;
        policy.place = place.clone();
        Some(policy)
    }
}

fn describe_ref(reference: &Located<PolicyRef>, index: usize, lang: Lang) -> String {
    match &reference.value {
        PolicyRef::Inline(_) => say!(lang, "inline policy {index}", "インラインポリシー {index}"),
        PolicyRef::Named(name) => say!(lang, "policy {name}", "ポリシー {name}"),
        PolicyRef::Managed(name) => {
            let short = name.rsplit('/').next().unwrap_or(name);
            say!(lang, "{short} (AWS managed)", "{short} (AWS 管理ポリシー)")
        }
    }
}

fn tags(tags: &[Tag]) -> Vec<(String, String)> {
    tags.iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect()
}

const S3_ARN_PREFIX: &str = "arn:aws:s3:::";

/// The bucket of an S3 ARN (`arn:aws:s3:::bucket/key` → `bucket`).
pub fn s3_bucket(resource: &str) -> Option<&str> {
    resource
        .strip_prefix(S3_ARN_PREFIX)
        .and_then(|rest| rest.split('/').next())
}
