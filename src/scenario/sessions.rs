//! Sessions that earlier requests created, with what they carry into later requests.

use crate::condition::{ContextValue, RequestContext};
use crate::sts::context::session_context;
use crate::sts::session::Session;

use super::caller::{iso8601, SCENARIO_EPOCH};
use super::result::SessionCard;

/// A session made by an allowed STS request: the session itself, its session policies (indexes
/// into the world's parsed policies) and its role's tags at creation.
#[derive(Clone, Debug)]
pub struct SessionState {
    pub session: Session,
    pub policies: Vec<usize>,
    pub role_tags: Vec<(String, String)>,
}

impl SessionState {
    /// The keys the session carries into the requests made with it.
    pub fn add_context(&self, context: &mut RequestContext) {
        for (key, value) in session_context(&self.session, &self.role_tags) {
            context.set_derived(key, value);
        }
        let issued = SCENARIO_EPOCH.saturating_add(self.session.issued_at.max(0) as u64);
        context.set_derived("aws:TokenIssueTime", ContextValue::Single(iso8601(issued)));
    }

    pub fn card(&self) -> SessionCard {
        let s = &self.session;
        // A GetSessionToken session has no id of its own: it is the user's.
        let id = Some(s.assumed_role_id.clone()).filter(|id| !id.is_empty());
        let federated = s.is_federated_user();
        SessionCard {
            arn: s.arn.clone(),
            assumed_role_id: id.clone().filter(|_| !federated),
            federated_user_id: id.filter(|_| federated),
            issued_at: s.issued_at,
            expires_at: s.expires_at,
            chained: s.chained,
            tags: s
                .tags
                .iter()
                .map(|t| (t.key.clone(), t.value.clone()))
                .collect(),
            transitive_tag_keys: s.transitive_tag_keys.clone(),
            source_identity: s.source_identity.clone(),
            mfa: s.mfa,
            session_policies: s
                .policy_arns
                .iter()
                .cloned()
                .chain(s.policy.as_ref().map(|_| "inline Policy".to_string()))
                .collect(),
        }
    }
}
