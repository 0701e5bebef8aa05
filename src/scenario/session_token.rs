//! GetSessionToken: a user (or the root user) gets temporary credentials for its own identity,
//! with MFA when the call gives `SerialNumber` and `TokenCode`. "No permissions are required";
//! the credentials carry the user's permissions, and MFA for "MFA-protected API access" (IAM
//! User Guide, "Secure API access with MFA"). Requests made with them say
//! `"credentials": "GetSessionToken"`.

use crate::lang::say;
use crate::sts::params::StsParams;
use crate::sts::session::Session;
use crate::sts::validate::{validate, ValidationContext};

use super::assume::refusal_reason;
use super::document::Request;
use super::run::{error_verdict, Runner, Verdict};
use super::sessions::SessionState;

impl Runner<'_> {
    /// The session an allowed call makes, once STS has validated its parameters, kept for the
    /// principal's requests with `"credentials": "GetSessionToken"`; the verdict gets its card
    /// and a note on what the credentials are for.
    pub(super) fn create_session_token(
        &mut self,
        request: &Request,
        principal: &str,
        params: &StsParams,
        verdict: &mut Verdict,
    ) {
        let now = super::SCENARIO_EPOCH.saturating_add(request.time);
        if let Err(e) = validate(params, ValidationContext::roleless(now)) {
            let why = refusal_reason(&e, params, self.lang);
            *verdict = error_verdict(e.code, &e.message, why, Some(principal));
            return;
        }
        let at = i64::try_from(request.time).unwrap_or(i64::MAX);
        let session = Session::token(principal, params, at);
        let note = match session.mfa {
            true => say!(self.lang,
                "The session has MFA: requests that say \"credentials\": \"GetSessionToken\" carry aws:MultiFactorAuthPresent true, and may call IAM.",
                "このセッションには MFA があります。\"credentials\": \"GetSessionToken\" を指定したリクエストには aws:MultiFactorAuthPresent が true で含まれ、IAM を呼び出せます。"),
            false => say!(self.lang,
                "The session has no MFA (no SerialNumber and TokenCode): its requests carry aws:MultiFactorAuthPresent false, and cannot call IAM.",
                "このセッションには MFA がありません (SerialNumber と TokenCode がありません)。そのリクエストには aws:MultiFactorAuthPresent が false で含まれ、IAM を呼び出せません。"),
        };
        verdict.explain.notes.push(note);
        let state = SessionState {
            session,
            policies: Vec::new(),
            role_tags: Vec::new(),
        };
        verdict.session = Some(state.card());
        self.token_sessions
            .insert(principal.to_string(), state.session);
    }
}
