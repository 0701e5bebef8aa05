//! Condition keys of identity providers: web identity (OIDC and the built-in providers) and
//! SAML (IAM User Guide, "Available keys for AWS web identity federation" and "Available keys
//! for SAML-based AWS STS federation"; semantics notes §3.3).

use std::borrow::Cow;

use crate::condition::provider_keys::{GITHUB, GITHUB_CLAIMS};
use crate::condition::ContextValue;
use crate::sts::digest::{base64, sha1};
use crate::sts::params::{SamlAssertion, WebIdentityToken};
use crate::sts::session::Federation;

type Keys = Vec<(Cow<'static, str>, ContextValue)>;

fn single(value: &str) -> ContextValue {
    ContextValue::Single(value.to_string())
}

/// One value stays single; several make a multivalued key (OIDC `aud` may be a list).
fn one_or_many(values: &[String]) -> Option<ContextValue> {
    match values {
        [] => None,
        [one] => Some(single(one)),
        many => Some(ContextValue::Multi(many.to_vec())),
    }
}

/// The prefix of a web identity provider's keys: `ProviderId` when given (Facebook, Amazon),
/// else the token's `iss` without `https://` and a trailing `/`
/// (`token.actions.githubusercontent.com`, `oidc.eks.us-west-2.amazonaws.com/id/ABC`).
pub fn web_identity_provider(
    token: &WebIdentityToken,
    provider_id: Option<&str>,
) -> Option<String> {
    let raw = provider_id.or(token.iss.as_deref())?;
    let host_path = raw.strip_prefix("https://").unwrap_or(raw);
    Some(host_path.trim_end_matches('/').to_string())
}

/// The `PROVIDER:claim` keys of a web identity token, for the trust policy.
///
/// * Google: `:aud` is the token's `azp` when present (else `aud`), and `:oaud` its `aud`
///   when `azp` is present; `:sub`.
/// * Cognito: `:aud` (identity pool), `:sub`, and `:amr`, always multivalued.
/// * Facebook: `:app_id` and `:id`; Login with Amazon: `:app_id` and `:user_id` (from claims
///   of those names, else `aud` and `sub`).
/// * GitHub: `:aud`, `:sub`, and the claims of [`GITHUB_CLAIMS`] present in the token.
/// * Any other OIDC provider (EKS, ...): `:aud`, `:sub`, and `:amr` when present.
pub fn web_identity_keys(token: &WebIdentityToken, provider: &str) -> Keys {
    let mut keys = Keys::new();
    let mut put = |claim: &str, value: Option<ContextValue>| {
        if let Some(value) = value {
            keys.push((format!("{provider}:{claim}").into(), value));
        }
    };
    let sub = token.sub.as_deref().map(single);
    let aud = one_or_many(&token.aud);
    match provider {
        "accounts.google.com" => match token.azp.as_deref() {
            Some(azp) => {
                put("aud", Some(single(azp)));
                put("oaud", aud);
                put("sub", sub);
            }
            None => {
                put("aud", aud);
                put("sub", sub);
            }
        },
        "cognito-identity.amazonaws.com" => {
            put("aud", aud);
            put("sub", sub);
            put(
                "amr",
                (!token.amr.is_empty()).then(|| ContextValue::Multi(token.amr.clone())),
            );
        }
        "graph.facebook.com" | "www.amazon.com" => {
            let id_claim = if provider == "graph.facebook.com" {
                "id"
            } else {
                "user_id"
            };
            put("app_id", token.claim_str("app_id").map(single).or(aud));
            put(id_claim, token.claim_str(id_claim).map(single).or(sub));
        }
        GITHUB => {
            put("aud", aud);
            put("sub", sub);
            for claim in GITHUB_CLAIMS {
                put(claim, token.claim_str(claim).map(single));
            }
        }
        _ => {
            put("aud", aud);
            put("sub", sub);
            put("amr", one_or_many(&token.amr));
        }
    }
    keys
}

/// Built-in providers are named as themselves in `aws:FederatedProvider`; others by the IAM
/// OIDC provider's ARN in the role's account.
pub fn federated_provider(provider: &str, partition: &str, account: &str) -> String {
    match provider {
        "cognito-identity.amazonaws.com"
        | "accounts.google.com"
        | "graph.facebook.com"
        | "www.amazon.com" => provider.to_string(),
        _ => format!("arn:{partition}:iam::{account}:oidc-provider/{provider}"),
    }
}

/// What a web identity session keeps: `aws:FederatedProvider` and the `amr`/`aud`/`id`/`sub`
/// keys, the only ones that carry into later requests.
pub fn web_identity_federation(
    token: &WebIdentityToken,
    provider: &str,
    partition: &str,
    account: &str,
) -> Federation {
    let carried = web_identity_keys(token, provider)
        .into_iter()
        .filter(|(key, _)| matches!(key.rsplit(':').next(), Some("amr" | "aud" | "id" | "sub")))
        .collect();
    Federation {
        provider: Some(federated_provider(provider, partition, account)),
        carried_keys: carried,
    }
}

/// `(account, provider name)` of `arn:PARTITION:iam::ACCOUNT:saml-provider/NAME`.
pub fn saml_provider_parts(principal_arn: &str) -> Option<(&str, &str)> {
    let arn = crate::arn::Arn::parse(principal_arn).ok()?;
    if arn.service != "iam" || !arn.region.is_empty() {
        return None;
    }
    Some((arn.account, arn.resource.strip_prefix("saml-provider/")?))
}

/// `saml:namequalifier`: "BASE64 ( SHA1 ( Issuer + AccountId + "/" + ProviderName ) )" (STS
/// API reference, AssumeRoleWithSAML, `NameQualifier`).
pub fn saml_name_qualifier(issuer: &str, account: &str, provider_name: &str) -> String {
    base64(&sha1(
        format!("{issuer}{account}/{provider_name}").as_bytes(),
    ))
}

/// The `saml:` keys for the trust policy. Other attributes become `saml:<name>`, multivalued.
pub fn saml_keys(assertion: &SamlAssertion, principal_arn: &str) -> Keys {
    let mut keys: Keys = vec![("saml:aud".into(), single(&assertion.audience))];
    let fields = [
        ("saml:iss", &assertion.issuer),
        ("saml:sub", &assertion.subject),
        ("saml:sub_type", &assertion.subject_type),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            keys.push((key.into(), single(value)));
        }
    }
    if let Some((account, name)) = saml_provider_parts(principal_arn) {
        keys.push(("saml:doc".into(), single(&format!("{account}/{name}"))));
        if let Some(issuer) = &assertion.issuer {
            keys.push((
                "saml:namequalifier".into(),
                single(&saml_name_qualifier(issuer, account, name)),
            ));
        }
    }
    for (name, values) in &assertion.attributes {
        keys.push((
            format!("saml:{name}").into(),
            ContextValue::Multi(values.clone()),
        ));
    }
    keys
}

/// What a SAML session keeps: `saml:namequalifier`, `saml:sub`, `saml:sub_type`.
pub fn saml_federation(assertion: &SamlAssertion, principal_arn: &str) -> Federation {
    let carried = saml_keys(assertion, principal_arn)
        .into_iter()
        .filter(|(key, _)| matches!(&**key, "saml:namequalifier" | "saml:sub" | "saml:sub_type"))
        .collect();
    Federation {
        provider: None,
        carried_keys: carried,
    }
}
