//! The language the engine writes its explanations in: English or Japanese.
//!
//! Every sentence of an explanation is written where it is made, with its English and its
//! Japanese side by side: [`say!`] for a sentence with values in it, [`Lang::pick`] for a fixed
//! phrase. What AWS itself says (an error `code`, the `message` AWS returns) and what the user
//! wrote (ARNs, keys, operators, values) stay as they are in both languages.

use serde::Serialize;

use crate::json::{Json, Value};

/// The language of a run's explanations. English is the default (the command line, the tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    /// A language tag as a browser gives it: `ja`, `ja-JP` (any case) is Japanese; anything
    /// else, including nothing, is English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The tag the page uses for this language.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// One of two fixed phrases.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }
}

/// The space AWS's Japanese writing puts between half-width text and the Japanese that follows
/// it: `" "` after text that ends in ASCII (`インラインポリシー 0 の`), nothing after Japanese
/// (`信頼ポリシーの`).
pub fn gap(before: &str) -> &'static str {
    if before.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    }
}

/// What kind of JSON value `json` is, as a finding names it: "a string" ("文字列").
pub fn json_kind(json: &Json, lang: Lang) -> &'static str {
    match (lang, &json.value) {
        (Lang::En, _) => json.kind_name(),
        (Lang::Ja, Value::Null) => "null 値",
        (Lang::Ja, Value::Bool(_)) => "ブール値",
        (Lang::Ja, Value::Number(_)) => "数値",
        (Lang::Ja, Value::String(_)) => "文字列",
        (Lang::Ja, Value::Array(_)) => "配列",
        (Lang::Ja, Value::Object(_)) => "オブジェクト",
    }
}

/// A fixed phrase in both languages, for tables of static text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub ja: &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.ja)
    }
}

/// A sentence in the run's language: `say!(lang, "English {x}", "日本語 {x}")`, with the
/// arguments of `format!` (named captures included). Only the chosen sentence is formatted.
macro_rules! say {
    ($lang:expr, $en:literal, $ja:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => format!($en $(, $arg)*),
            $crate::lang::Lang::Ja => format!($ja $(, $arg)*),
        }
    };
}
pub(crate) use say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_choose_the_language() {
        assert_eq!(Lang::from_tag("ja"), Lang::Ja);
        assert_eq!(Lang::from_tag("ja-JP"), Lang::Ja);
        assert_eq!(Lang::from_tag("JA_jp"), Lang::Ja);
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("jav"), Lang::En);
        assert_eq!(Lang::Ja.tag(), "ja");
    }

    #[test]
    fn a_gap_follows_latin_text_only() {
        assert_eq!(gap("インラインポリシー 0"), " ");
        assert_eq!(gap("FullAWSAccess (AWS 管理ポリシー)"), " ");
        assert_eq!(gap("信頼ポリシー"), "");
    }

    #[test]
    fn say_formats_only_the_chosen_sentence() {
        let who = "alice";
        assert_eq!(
            say!(Lang::En, "hello {who}", "こんにちは {who}"),
            "hello alice"
        );
        assert_eq!(
            say!(Lang::Ja, "hello {}", "こんにちは {} さん", who),
            "こんにちは alice さん"
        );
    }
}
