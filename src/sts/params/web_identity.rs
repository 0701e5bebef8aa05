//! The web identity token of `AssumeRoleWithWebIdentity`, given as its decoded claims.
//!
//! Any claim may appear; those AWS reads are typed here. Session tags and the source identity
//! travel in the token under AWS's namespaces (IAM User Guide, "Passing session tags in AWS
//! STS" and "Monitor and control actions taken with assumed roles"):
//!
//! ```json
//! { "iss": "https://xyz.com", "sub": "johndoe", "aud": "ac_oic_client",
//!   "https://aws.amazon.com/tags": {
//!       "principal_tags": { "Project": ["Automation"] },
//!       "transitive_tag_keys": ["Project"] },
//!   "https://aws.amazon.com/source_identity": "Admin" }
//! ```

use super::reader::{member, Reader};
use super::{StsParams, Tag};
use crate::finding::Finding;
use crate::json::{pointer_push, Json, Value};
use crate::lang::{say, Text};

pub const TAGS_CLAIM: &str = "https://aws.amazon.com/tags";
pub const SOURCE_IDENTITY_CLAIM: &str = "https://aws.amazon.com/source_identity";

/// The claims AWS reads from an OIDC token, and all claims as given.
#[derive(Clone, Debug, PartialEq)]
pub struct WebIdentityToken {
    pub iss: Option<String>,
    /// `aud` is a string or an array of strings in OIDC; kept as a list.
    pub aud: Vec<String>,
    pub sub: Option<String>,
    /// Cognito's `amr` is a list such as `["authenticated", "cognito-identity.amazonaws.com",
    /// "cognito-identity.amazonaws.com:us-east-1:...:CognitoSignIn:..."]`.
    pub amr: Vec<String>,
    /// Google's authorized party, which AWS matches as `accounts.google.com:aud`.
    pub azp: Option<String>,
    pub claims: Json,
}

impl WebIdentityToken {
    /// Another string claim, by name (Facebook's `app_id`, Amazon's `user_id`, ...).
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Json::as_str)
    }
}

pub(super) fn read_into(reader: &mut Reader, token: &Json, pointer: &str, params: &mut StsParams) {
    if token.members().is_none() {
        let message = reader.type_message(
            "WebIdentityToken",
            reader.lang.pick(
                "the token's decoded claims as an object (iss, aud, sub, ...)",
                "デコードしたトークンのクレームのオブジェクト (iss, aud, sub, ...)",
            ),
            token,
        );
        reader.findings.push(Finding::error(
            "PARAMETER_TYPE",
            message,
            pointer,
            Some(token.span),
        ));
        return;
    }
    let text = |r: &mut Reader, name: &str| {
        member(token, pointer, name).and_then(|(v, at)| r.string(v, &at, name))
    };
    let list = |r: &mut Reader, name: &str| {
        member(token, pointer, name)
            .map(|(v, at)| r.strings(v, &at, name, true))
            .unwrap_or_default()
    };
    let iss = text(reader, "iss");
    let sub = text(reader, "sub");
    let azp = text(reader, "azp");
    let aud = list(reader, "aud");
    let amr = list(reader, "amr");
    if token.get("iss").is_none() && params.provider_id.is_none() {
        reader.missing(token, pointer, "iss", Text {
            en: "the issuer names the identity provider (e.g. https://token.actions.githubusercontent.com), unless ProviderId names it.",
            ja: "ProviderId で指定しない場合、発行者 (例: https://token.actions.githubusercontent.com) で ID プロバイダーを指定します。",
        });
    }
    params.source_identity = text(reader, SOURCE_IDENTITY_CLAIM);
    if let Some((tags, at)) = member(token, pointer, TAGS_CLAIM) {
        read_tags_claim(reader, tags, &at, params);
    }
    params.web_identity_token = Some(WebIdentityToken {
        iss,
        aud,
        sub,
        amr,
        azp,
        claims: token.clone(),
    });
}

/// `principal_tags` maps each key to a list holding one value (session tags are single-valued;
/// a bare string is accepted too); `transitive_tag_keys` lists keys.
fn read_tags_claim(reader: &mut Reader, claim: &Json, pointer: &str, params: &mut StsParams) {
    let what = say!(
        reader.lang,
        "The {TAGS_CLAIM} claim",
        "{TAGS_CLAIM} クレーム"
    );
    if !reader.check_object(
        claim,
        pointer,
        &what,
        &["principal_tags", "transitive_tag_keys"],
    ) {
        return;
    }
    if let Some((tags, at)) = member(claim, pointer, "principal_tags") {
        if tags.members().is_none() {
            let message = reader.type_message(
                "principal_tags",
                reader.lang.pick(
                    "an object mapping each tag key to [\"value\"]",
                    "各タグキーを [\"value\"] に対応付けるオブジェクト",
                ),
                tags,
            );
            reader.findings.push(Finding::error(
                "PARAMETER_TYPE",
                message,
                at.as_str(),
                Some(tags.span),
            ));
            return;
        }
        for m in tags.members().unwrap_or(&[]) {
            let value_at = pointer_push(&at, &m.key);
            if let Some(value) = single_tag_value(reader, &m.value, &value_at, &m.key) {
                params.tags.push(Tag {
                    key: m.key.clone(),
                    value,
                });
            }
        }
    }
    if let Some((keys, at)) = member(claim, pointer, "transitive_tag_keys") {
        params.transitive_tag_keys = reader.strings(keys, &at, "transitive_tag_keys", false);
    }
}

fn single_tag_value(reader: &mut Reader, json: &Json, pointer: &str, key: &str) -> Option<String> {
    match &json.value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.len() == 1 => reader.string(
            &items[0],
            &pointer_push(pointer, 0),
            reader
                .lang
                .pick("A principal tag value", "プリンシパルタグの値"),
        ),
        _ => {
            reader.findings.push(Finding::error(
                "PARAMETER_TYPE",
                say!(reader.lang,
                    "The principal tag {key} must have exactly one string value (session tags are single-valued), as [\"value\"] or \"value\".",
                    "プリンシパルタグ {key} の値は文字列 1 つでなければなりません (セッションタグの値は 1 つです)。[\"value\"] または \"value\" で指定してください。"),
                pointer,
                Some(json.span),
            ));
            None
        }
    }
}
