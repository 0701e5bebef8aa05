//! Typed parameters of `AssumeRole`, `AssumeRoleWithWebIdentity` and `AssumeRoleWithSAML`, read
//! from a scenario request's `parameters` object (scenario format, "Requests").
//!
//! Names are AWS's own API parameter names (STS API reference). What the identity provider
//! sends (the web identity token's claims, the SAML assertion's attributes) is given as an
//! object; the session tags, transitive tag keys, source identity and (SAML) session name found
//! there are copied into the common fields, so later steps treat the three APIs alike.
//!
//! Reading never fails: a wrong type or an unknown name becomes an error finding, with the
//! JSON pointer (under the caller's `base`) and the text span, and the value is left out.

mod reader;
mod saml;
mod web_identity;

pub use saml::{SamlAssertion, SAML_ATTRIBUTE_PREFIX};
pub use web_identity::WebIdentityToken;

use crate::finding::Finding;
use crate::json::{parse, pointer_push, Json, Limits, Value};
use crate::lang::{say, Lang, Text};
use crate::sts::StsApi;
use reader::{member, Reader};

/// One session tag, `{"Key": ..., "Value": ...}` in the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// The inline session policy (`Policy`): the document, and the text STS would receive, whose
/// length STS limits. Given as an object, the text is its compact form (what `aws sts
/// assume-role --policy file://...` sends after the CLI minifies nothing: the author's
/// whitespace is not kept in a scenario, so compact is the honest lower bound). Given as a
/// string, the text is that string, exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionPolicy {
    pub document: Json,
    pub text: String,
}

/// Everything one `sts:AssumeRole*` request passes.
#[derive(Clone, Debug, PartialEq)]
pub struct StsParams {
    pub api: StsApi,
    /// `RoleArn`, when given in `parameters` (the request's `resource` is the usual place).
    pub role_arn: Option<String>,
    /// From the `RoleSessionName` parameter, or for SAML from the assertion's
    /// `https://aws.amazon.com/SAML/Attributes/RoleSessionName` attribute; for
    /// GetFederationToken, its `Name` (the federated user's name).
    pub role_session_name: Option<String>,
    pub duration_seconds: Option<i64>,
    pub external_id: Option<String>,
    pub policy: Option<SessionPolicy>,
    /// `PolicyArns`, as ARN strings.
    pub policy_arns: Vec<String>,
    pub tags: Vec<Tag>,
    pub transitive_tag_keys: Vec<String>,
    pub source_identity: Option<String>,
    pub serial_number: Option<String>,
    pub token_code: Option<String>,
    /// `ProviderId` of `AssumeRoleWithWebIdentity` (`graph.facebook.com`, `www.amazon.com`).
    pub provider_id: Option<String>,
    pub web_identity_token: Option<WebIdentityToken>,
    /// `PrincipalArn` of `AssumeRoleWithSAML`: the SAML provider's ARN.
    pub principal_arn: Option<String>,
    pub saml_assertion: Option<SamlAssertion>,
}

impl StsParams {
    pub fn empty(api: StsApi) -> StsParams {
        StsParams {
            api,
            role_arn: None,
            role_session_name: None,
            duration_seconds: None,
            external_id: None,
            policy: None,
            policy_arns: Vec::new(),
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            source_identity: None,
            serial_number: None,
            token_code: None,
            provider_id: None,
            web_identity_token: None,
            principal_arn: None,
            saml_assertion: None,
        }
    }

    /// Whether the call gives MFA: `SerialNumber` and `TokenCode` both (STS API reference).
    /// MFA then counts for this call, and only for it.
    pub fn gives_mfa(&self) -> bool {
        self.serial_number.is_some() && self.token_code.is_some()
    }
}

/// The parameter names each API takes (STS API reference, request parameters).
pub fn parameter_names(api: StsApi) -> &'static [&'static str] {
    match api {
        StsApi::AssumeRole => &[
            "RoleArn",
            "RoleSessionName",
            "PolicyArns",
            "Policy",
            "DurationSeconds",
            "Tags",
            "TransitiveTagKeys",
            "ExternalId",
            "SerialNumber",
            "TokenCode",
            "SourceIdentity",
        ],
        StsApi::AssumeRoleWithWebIdentity => &[
            "RoleArn",
            "RoleSessionName",
            "WebIdentityToken",
            "ProviderId",
            "PolicyArns",
            "Policy",
            "DurationSeconds",
        ],
        StsApi::AssumeRoleWithSaml => &[
            "RoleArn",
            "PrincipalArn",
            "SAMLAssertion",
            "PolicyArns",
            "Policy",
            "DurationSeconds",
        ],
        StsApi::GetFederationToken => &["Name", "Policy", "PolicyArns", "DurationSeconds", "Tags"],
        StsApi::GetSessionToken => &["DurationSeconds", "SerialNumber", "TokenCode"],
    }
}

/// Reads `parameters` (absent: pass `None`) for `api`. `base` is the pointer of the
/// `parameters` object in the scenario, e.g. `/requests/2/parameters`. The findings are
/// written in `lang`.
pub fn read_params(
    api: StsApi,
    parameters: Option<&Json>,
    base: &str,
    lang: Lang,
) -> (StsParams, Vec<Finding>) {
    let mut params = StsParams::empty(api);
    let mut reader = Reader::new(lang);
    let Some(object) = parameters else {
        return (params, reader.findings);
    };
    let what = say!(lang, "The {} parameters", "{} のパラメーター", api.action());
    if !reader.check_object(object, base, &what, parameter_names(api)) {
        return (params, reader.findings);
    }
    let text = |r: &mut Reader, name: &str| {
        member(object, base, name).and_then(|(v, at)| r.string(v, &at, name))
    };
    params.role_arn = text(&mut reader, "RoleArn");
    let session_name = match api {
        StsApi::GetFederationToken => "Name",
        _ => "RoleSessionName",
    };
    params.role_session_name = text(&mut reader, session_name);
    params.external_id = text(&mut reader, "ExternalId");
    params.source_identity = text(&mut reader, "SourceIdentity");
    params.serial_number = text(&mut reader, "SerialNumber");
    params.token_code = text(&mut reader, "TokenCode");
    params.provider_id = text(&mut reader, "ProviderId");
    params.principal_arn = text(&mut reader, "PrincipalArn");
    params.duration_seconds = member(object, base, "DurationSeconds")
        .and_then(|(v, at)| reader.integer(v, &at, "DurationSeconds"));
    params.policy =
        member(object, base, "Policy").and_then(|(v, at)| read_policy(&mut reader, v, &at));
    if let Some((v, at)) = member(object, base, "PolicyArns") {
        params.policy_arns = read_policy_arns(&mut reader, v, &at);
    }
    if let Some((v, at)) = member(object, base, "Tags") {
        params.tags = read_tags(&mut reader, v, &at);
    }
    if let Some((v, at)) = member(object, base, "TransitiveTagKeys") {
        params.transitive_tag_keys = reader.strings(v, &at, "TransitiveTagKeys", false);
    }
    if let Some((v, at)) = member(object, base, "WebIdentityToken") {
        web_identity::read_into(&mut reader, v, &at, &mut params);
    }
    if let Some((v, at)) = member(object, base, "SAMLAssertion") {
        saml::read_into(&mut reader, v, &at, &mut params);
    }
    require_identity_provider_input(&mut reader, object, base, &params);
    (params, reader.findings)
}

/// The token and the assertion are what these APIs are about; without them the scenario cannot
/// say who is federating.
fn require_identity_provider_input(
    reader: &mut Reader,
    object: &Json,
    base: &str,
    params: &StsParams,
) {
    match params.api {
        StsApi::AssumeRoleWithWebIdentity if object.get("WebIdentityToken").is_none() => {
            reader.missing(object, base, "WebIdentityToken", Text {
                en: "give the token's claims as an object, e.g. {\"iss\": \"https://token.actions.githubusercontent.com\", \"aud\": \"sts.amazonaws.com\", \"sub\": \"repo:octo-org/octo-repo:ref:refs/heads/main\"}.",
                ja: "トークンのクレームをオブジェクトで指定してください (例: {\"iss\": \"https://token.actions.githubusercontent.com\", \"aud\": \"sts.amazonaws.com\", \"sub\": \"repo:octo-org/octo-repo:ref:refs/heads/main\"})。",
            });
        }
        StsApi::AssumeRoleWithSaml if object.get("SAMLAssertion").is_none() => {
            reader.missing(object, base, "SAMLAssertion", Text {
                en: "give the assertion's attributes as an object, e.g. {\"iss\": \"https://idp.example.com/saml\", \"sub\": \"jdoe\", \"https://aws.amazon.com/SAML/Attributes/RoleSessionName\": \"jdoe\"}.",
                ja: "アサーションの属性をオブジェクトで指定してください (例: {\"iss\": \"https://idp.example.com/saml\", \"sub\": \"jdoe\", \"https://aws.amazon.com/SAML/Attributes/RoleSessionName\": \"jdoe\"})。",
            });
        }
        StsApi::AssumeRoleWithSaml if object.get("PrincipalArn").is_none() => {
            reader.missing(
                object,
                base,
                "PrincipalArn",
                Text {
                    en: "name the SAML provider, e.g. arn:aws:iam::111122223333:saml-provider/ExampleIdP.",
                    ja: "SAML プロバイダーを指定してください (例: arn:aws:iam::111122223333:saml-provider/ExampleIdP)。",
                },
            );
        }
        _ => {}
    }
}

fn read_policy(reader: &mut Reader, json: &Json, pointer: &str) -> Option<SessionPolicy> {
    match &json.value {
        Value::Object(_) => Some(SessionPolicy {
            document: json.clone(),
            text: json.to_compact_string(),
        }),
        Value::String(text) => match parse(text, &Limits::default()) {
            Ok(document) => Some(SessionPolicy {
                document,
                text: text.clone(),
            }),
            Err(error) => {
                let message = error.message_in(reader.lang);
                reader.findings.push(Finding::error(
                    "PARAMETER_TYPE",
                    say!(reader.lang,
                        "Policy is a string but not JSON text ({message}); give the policy document as an object or as its JSON text.",
                        "Policy は文字列ですが JSON テキストではありません ({message})。ポリシードキュメントをオブジェクトか JSON テキストで指定してください。"),
                    pointer,
                    Some(json.span),
                ));
                None
            }
        },
        _ => {
            let message = reader.type_message(
                "Policy",
                reader.lang.pick(
                    "a policy document (an object) or its JSON text (a string)",
                    "ポリシードキュメント (オブジェクト) かその JSON テキスト (文字列)",
                ),
                json,
            );
            reader.findings.push(Finding::error(
                "PARAMETER_TYPE",
                message,
                pointer,
                Some(json.span),
            ));
            None
        }
    }
}

/// `PolicyArns`: `["arn:..."]` or, as the API takes them, `[{"arn": "arn:..."}]`.
fn read_policy_arns(reader: &mut Reader, json: &Json, pointer: &str) -> Vec<String> {
    let Some(items) = json.as_array() else {
        reader.strings(json, pointer, "PolicyArns", false);
        return Vec::new();
    };
    let mut arns = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = pointer_push(pointer, i);
        if item.members().is_some() {
            let entry = reader
                .lang
                .pick("A PolicyArns entry", "PolicyArns のエントリ");
            if reader.check_object(item, &at, entry, &["arn"]) {
                match member(item, &at, "arn") {
                    Some((v, arn_at)) => arns.extend(reader.string(v, &arn_at, "arn")),
                    None => reader.missing(
                        item,
                        &at,
                        "arn",
                        Text {
                            en: "each PolicyArns entry names one managed policy.",
                            ja: "PolicyArns の各エントリは管理ポリシーを 1 つ指定します。",
                        },
                    ),
                }
            }
        } else {
            let each = reader.each_entry("PolicyArns");
            arns.extend(reader.string(item, &at, &each));
        }
    }
    arns
}

/// `Tags`: `[{"Key": "team", "Value": "blue"}]`; both members are required by the API.
fn read_tags(reader: &mut Reader, json: &Json, pointer: &str) -> Vec<Tag> {
    let Some(items) = json.as_array() else {
        let message = reader.type_message(
            "Tags",
            reader.lang.pick(
                "an array of {\"Key\": ..., \"Value\": ...} objects",
                "{\"Key\": ..., \"Value\": ...} オブジェクトの配列",
            ),
            json,
        );
        reader.findings.push(Finding::error(
            "PARAMETER_TYPE",
            message,
            pointer,
            Some(json.span),
        ));
        return Vec::new();
    };
    let mut tags = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = pointer_push(pointer, i);
        let tag = reader.lang.pick("A session tag", "セッションタグ");
        if !reader.check_object(item, &at, tag, &["Key", "Value"]) {
            continue;
        }
        let key = member(item, &at, "Key").and_then(|(v, p)| reader.string(v, &p, "Key"));
        let value = member(item, &at, "Value").and_then(|(v, p)| reader.string(v, &p, "Value"));
        for (name, present) in [
            ("Key", item.get("Key").is_some()),
            ("Value", item.get("Value").is_some()),
        ] {
            if !present {
                reader.missing(
                    item,
                    &at,
                    name,
                    Text {
                        en: "a session tag needs both Key and Value.",
                        ja: "セッションタグには Key と Value の両方が必要です。",
                    },
                );
            }
        }
        if let (Some(key), Some(value)) = (key, value) {
            tags.push(Tag { key, value });
        }
    }
    tags
}

#[cfg(test)]
mod tests;
