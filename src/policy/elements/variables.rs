//! Policy variables (`${aws:username}`) in values: allowed where, and well formed.
//!
//! Source: IAM User Guide, "IAM policy elements: Variables and tags" (semantics notes §6.3):
//! variables work only under `Version: 2012-10-17`, in `Resource` and in string and ARN
//! condition values; a default is written `${key, 'default'}`. Access Analyzer reports the
//! misuses as errors (policy check reference: "Variable unsupported in version", "Missing brace
//! in variable", "Missing quote in variable", "Invalid variable for operator"); the first is a
//! warning here, since IAM stores such a policy and takes the text literally.

use crate::lang::{say, Lang};
use crate::policy::codes::{self, Code};
use crate::policy::reader::Reader;
use crate::policy::Place;

/// Whether the place a value is written takes variables; when not, the code and the reason.
pub(crate) type Allowed = Result<(), (Code, String)>;

/// `allowed` says, in the findings' language, whether this place takes variables; it is asked
/// only when `text` holds one, so the refusal's sentence is not written for every value. (A
/// `dyn` closure: this function's code is then in the module once, not once per element.)
pub(crate) fn check(r: &mut Reader, text: &str, at: &Place, allowed: &dyn Fn(Lang) -> Allowed) {
    if !text.contains("${") {
        return;
    }
    if !r.variables() {
        let message = say!(r.lang,
            "`{text}` contains a policy variable, but variables work only with \"Version\": \"2012-10-17\"; without it the text is taken literally. Add that Version to the policy.",
            "`{text}` にはポリシー変数が含まれていますが、変数が機能するのは \"Version\": \"2012-10-17\" の場合だけで、それ以外では文字どおりに扱われます。ポリシーにこの Version を追加してください。");
        r.report(codes::VARIABLE_UNSUPPORTED_IN_VERSION, message, at);
        return;
    }
    if let Err((code, reason)) = allowed(r.lang) {
        r.report(code, reason, at);
        return;
    }
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}').filter(|&e| !after[..e].contains("${")) else {
            let message = say!(
                r.lang,
                "A policy variable in `{text}` has no closing `}}`: write `${{key}}`.",
                "`{text}` のポリシー変数に閉じる `}}` がありません。`${{key}}` のように書いてください。"
            );
            r.report(codes::MISSING_BRACE_IN_VARIABLE, message, at);
            return;
        };
        let inner = &after[..end];
        if let Some((_, default)) = inner.split_once(',') {
            let default = default.trim();
            let quoted = default.len() >= 2 && default.starts_with('\'') && default.ends_with('\'');
            if !quoted {
                let message = say!(
                    r.lang,
                    "The default value in `${{{inner}}}` must be in single quotes: `${{key, 'default'}}`.",
                    "`${{{inner}}}` のデフォルト値は一重引用符で囲む必要があります: `${{key, 'default'}}`。"
                );
                r.report(codes::MISSING_QUOTE_IN_VARIABLE, message, at);
            }
        }
        rest = &after[end + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{PolicyKind, PolicyVersion};

    fn codes_for(text: &str, version: PolicyVersion) -> Vec<&'static str> {
        let mut r = Reader::new(PolicyKind::Identity, crate::lang::Lang::En);
        r.version = version;
        check(&mut r, text, &Place::default(), &|_| Ok(()));
        r.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn reads_variables() {
        use PolicyVersion::*;
        let cases: &[(&str, PolicyVersion, &[&str])] = &[
            ("arn:aws:s3:::b/${aws:username}/*", V2012_10_17, &[]),
            ("${aws:PrincipalTag/team, 'company-wide'}", V2012_10_17, &[]),
            ("a${*}b${?}", V2012_10_17, &[]),
            (
                "${aws:username",
                V2012_10_17,
                &["MISSING_BRACE_IN_VARIABLE"],
            ),
            (
                "${aws:a${aws:b}",
                V2012_10_17,
                &["MISSING_BRACE_IN_VARIABLE"],
            ),
            (
                "${aws:t, company}",
                V2012_10_17,
                &["MISSING_QUOTE_IN_VARIABLE"],
            ),
            (
                "${aws:username}",
                V2008_10_17,
                &["VARIABLE_UNSUPPORTED_IN_VERSION"],
            ),
            (
                "${aws:username}",
                Unspecified,
                &["VARIABLE_UNSUPPORTED_IN_VERSION"],
            ),
            ("no variable $ {}", Unspecified, &[]),
        ];
        for (text, version, want) in cases {
            assert_eq!(&codes_for(text, *version), want, "{text}");
        }
    }
}
