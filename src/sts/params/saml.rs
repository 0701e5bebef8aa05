//! The SAML assertion of `AssumeRoleWithSAML`, given as an object of its parts and attributes.
//!
//! A real assertion is signed XML; a scenario gives what AWS reads from it (IAM User Guide,
//! "Configure SAML assertions for the authentication response"; STS API reference,
//! AssumeRoleWithSAML response elements):
//!
//! ```json
//! { "iss": "https://idp.example.com/saml",          // <Issuer>
//!   "sub": "jdoe@example.com",                      // <Subject><NameID>
//!   "sub_type": "persistent",                       // NameID Format (full URN or short form)
//!   "aud": "https://signin.aws.amazon.com/saml",    // SubjectConfirmationData Recipient (default)
//!   "https://aws.amazon.com/SAML/Attributes/RoleSessionName": "jdoe",
//!   "https://aws.amazon.com/SAML/Attributes/SessionDuration": 3600,
//!   "https://aws.amazon.com/SAML/Attributes/SourceIdentity": "jdoe",
//!   "https://aws.amazon.com/SAML/Attributes/PrincipalTag:team": "blue",
//!   "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys": ["team"],
//!   "https://aws.amazon.com/SAML/Attributes/Role": "arn:...:role/R,arn:...:saml-provider/P",
//!   "eduPersonAffiliation": ["staff", "member"] }   // any other attribute: saml:<name>
//! ```
//!
//! Names under `https://aws.amazon.com/SAML/Attributes/` must be ones AWS defines; a misspelt
//! one is reported with a suggestion, since AWS would silently ignore it.

use super::reader::{did_you_mean, Reader};
use super::{StsParams, Tag};
use crate::finding::Finding;
use crate::json::{pointer_push, Json, Value};
use crate::lang::{say, Text};

pub const SAML_ATTRIBUTE_PREFIX: &str = "https://aws.amazon.com/SAML/Attributes/";
const PRINCIPAL_TAG: &str = "PrincipalTag:";
const AWS_ATTRIBUTES: &[&str] = &[
    "Role",
    "RoleSessionName",
    "SessionDuration",
    "SourceIdentity",
    "TransitiveTagKeys",
];
/// The NameID format prefix AWS removes when it reports `SubjectType` / `saml:sub_type`
/// (STS API reference, AssumeRoleWithSAML, `SubjectType`).
const NAMEID_FORMAT_PREFIX: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
pub const DEFAULT_RECIPIENT: &str = "https://signin.aws.amazon.com/saml";

/// What AWS reads from a SAML assertion.
#[derive(Clone, Debug, PartialEq)]
pub struct SamlAssertion {
    pub issuer: Option<String>,
    pub subject: Option<String>,
    /// As AWS reports it: `persistent`, `transient`, or a format URI of another family.
    pub subject_type: Option<String>,
    /// The Recipient, matched as `saml:aud`.
    pub audience: String,
    /// `SessionDuration`: AWS applies it to console sessions; the API's duration is
    /// `DurationSeconds` (STS API reference, AssumeRoleWithSAML), so it is kept, not applied.
    pub session_duration: Option<i64>,
    /// Other attributes, by name, each a list of values (`saml:<name>` keys).
    pub attributes: Vec<(String, Vec<String>)>,
}

pub(super) fn read_into(
    reader: &mut Reader,
    assertion: &Json,
    pointer: &str,
    params: &mut StsParams,
) {
    let Some(members) = assertion.members() else {
        let message = reader.type_message(
            "SAMLAssertion",
            reader.lang.pick(
                "the assertion's parts and attributes as an object (iss, sub, https://aws.amazon.com/SAML/Attributes/...)",
                "アサーションの要素と属性のオブジェクト (iss, sub, https://aws.amazon.com/SAML/Attributes/...)",
            ),
            assertion,
        );
        reader.findings.push(Finding::error(
            "PARAMETER_TYPE",
            message,
            pointer,
            Some(assertion.span),
        ));
        return;
    };
    let mut out = SamlAssertion {
        issuer: None,
        subject: None,
        subject_type: None,
        audience: DEFAULT_RECIPIENT.to_string(),
        session_duration: None,
        attributes: Vec::new(),
    };
    for m in members {
        let at = pointer_push(pointer, &m.key);
        read_member(reader, &m.key, &m.value, &at, m.key_span, params, &mut out);
    }
    if out.issuer.is_none() {
        reader.missing(
            assertion,
            pointer,
            "iss",
            Text {
                en: "the assertion's Issuer is needed for saml:iss and saml:namequalifier.",
                ja: "saml:iss と saml:namequalifier にはアサーションの Issuer が必要です。",
            },
        );
    }
    params.saml_assertion = Some(out);
}

fn read_member(
    reader: &mut Reader,
    key: &str,
    value: &Json,
    at: &str,
    key_span: crate::json::Span,
    params: &mut StsParams,
    out: &mut SamlAssertion,
) {
    let Some(aws_name) = key.strip_prefix(SAML_ATTRIBUTE_PREFIX) else {
        match key {
            "iss" => out.issuer = reader.string(value, at, "iss"),
            "sub" => out.subject = reader.string(value, at, "sub"),
            "sub_type" => {
                out.subject_type = reader
                    .string(value, at, "sub_type")
                    .map(|f| short_format(&f))
            }
            "aud" => out.audience = reader.string(value, at, "aud").unwrap_or_default(),
            _ => {
                let values = reader.strings(value, at, key, true);
                out.attributes.push((key.to_string(), values));
            }
        }
        return;
    };
    if let Some(tag_key) = aws_name.strip_prefix(PRINCIPAL_TAG) {
        let what = reader
            .lang
            .pick("A PrincipalTag attribute", "PrincipalTag 属性");
        if let Some(tag_value) = reader.string(value, at, what) {
            params.tags.push(Tag {
                key: tag_key.to_string(),
                value: tag_value,
            });
        }
        return;
    }
    match aws_name {
        "RoleSessionName" => params.role_session_name = reader.string(value, at, "RoleSessionName"),
        "SourceIdentity" => params.source_identity = reader.string(value, at, "SourceIdentity"),
        "TransitiveTagKeys" => {
            params.transitive_tag_keys = reader.strings(value, at, "TransitiveTagKeys", true)
        }
        "SessionDuration" => out.session_duration = duration(reader, value, at),
        "Role" => {
            reader.strings(value, at, "Role", true);
        }
        _ => {
            let lang = reader.lang;
            let hint = match did_you_mean(aws_name, AWS_ATTRIBUTES) {
                Some(near) => say!(
                    lang,
                    " Did you mean {SAML_ATTRIBUTE_PREFIX}{near}?",
                    "{SAML_ATTRIBUTE_PREFIX}{near} のことですか?"
                ),
                None => say!(
                    lang,
                    " AWS defines {}, and PrincipalTag:KEY.",
                    "AWS が定義しているのは {} と PrincipalTag:KEY です。",
                    AWS_ATTRIBUTES.join(", ")
                ),
            };
            reader.findings.push(Finding::error(
                "UNKNOWN_PARAMETER",
                say!(
                    lang,
                    "{key} is not a SAML attribute AWS reads, so AWS would ignore it.{hint}",
                    "{key} は AWS が読み取る SAML 属性ではないため、AWS は無視します。{hint}"
                ),
                at,
                Some(key_span),
            ));
        }
    }
}

/// SessionDuration is text in the XML; a number or a string of digits is accepted.
fn duration(reader: &mut Reader, value: &Json, at: &str) -> Option<i64> {
    match &value.value {
        Value::String(s) => match s.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                reader.findings.push(Finding::error(
                    "PARAMETER_TYPE",
                    say!(
                        reader.lang,
                        "SessionDuration must be a whole number of seconds, not \"{s}\".",
                        "SessionDuration は整数の秒数でなければなりません (\"{s}\" は使えません)。"
                    ),
                    at,
                    Some(value.span),
                ));
                None
            }
        },
        _ => reader.integer(value, at, "SessionDuration"),
    }
}

fn short_format(format: &str) -> String {
    format
        .strip_prefix(NAMEID_FORMAT_PREFIX)
        .unwrap_or(format)
        .to_string()
}
