//! Share links: a whole scenario carried in the URL fragment.
//!
//! The fragment is the part of an address after `#`; browsers never send it to a server, so a
//! shared scenario (which may name real account ids and roles) stays between the people who
//! share it. The format, version 1:
//!
//! ```text
//! #s1.<payload>
//! payload = base64url, without padding (RFC 4648 §5), of
//!           raw DEFLATE (RFC 1951, no zlib or gzip wrapper) of
//!           the scenario written as compact JSON text in UTF-8
//! ```
//!
//! `s` says "scenario" and `1` is the link format, so that a later format can be told apart and
//! an older program can say that the link is newer than it instead of failing obscurely. Writing
//! the JSON compactly first means that indentation costs nothing; the values, the key order and
//! even duplicate keys come back as they were. Every base64url character is unreserved in URLs,
//! so the fragment survives copying through chat programs and e-mail without percent-encoding.
//!
//! A link is untrusted input: the encoded length and the inflated size are capped (the latter
//! while inflating, so a "zip bomb" never gets its memory), and every refusal is a sentence.

use crate::json::{self, Json, Limits, Value};
use crate::lang::{say, Lang};

/// The link format this program writes and reads.
pub const FORMAT: u32 = 1;

/// The longest link text `decode` looks at, in bytes: far beyond any scenario a person writes,
/// small enough that a hostile paste costs nothing.
pub const MAX_LINK_BYTES: usize = 256 * 1024;

/// The largest scenario a link may inflate to, in bytes of compact JSON.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// DEFLATE effort: links are made rarely and should be short, so take the best compression.
const COMPRESSION_LEVEL: u8 = 9;

/// Why a link could not be made or read.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The scenario given to `encode` is not JSON.
    ScenarioNotJson(json::JsonError),
    /// The scenario given to `encode` is larger than a link may carry.
    ScenarioTooLarge { bytes: usize },
    /// The link text is longer than `MAX_LINK_BYTES`.
    LinkTooLong { bytes: usize },
    /// The text holds no `s<format>.` fragment.
    NotALink,
    /// The link was written in a later format than this program reads.
    NewerFormat { format: String },
    /// A character outside the base64url alphabet; `position` is 1-based, in characters of the
    /// text as given.
    InvalidCharacter { character: char, position: usize },
    /// The base64url data has a length no encoder produces: it was cut short.
    Truncated,
    /// The data is not a DEFLATE stream, or it ends early.
    CorruptData,
    /// Inflating would exceed `MAX_SCENARIO_BYTES`.
    InflatesTooLarge,
    /// The inflated bytes are not UTF-8.
    NotUtf8 { byte: usize },
    /// The inflated text is not JSON.
    NotJson(json::JsonError),
}

impl LinkError {
    /// The error as a sentence a person can act on, in English.
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    /// The error as a sentence a person can act on, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            LinkError::ScenarioNotJson(e) => say!(
                lang,
                "the scenario is not valid JSON (line {}, column {}: {}), so no link can be made",
                "シナリオが正しい JSON ではないため ({} 行 {} 列: {})、リンクを作成できません",
                e.at.line,
                e.at.column,
                e.message_in(lang)
            ),
            LinkError::ScenarioTooLarge { bytes } => say!(
                lang,
                "the scenario is {bytes} bytes of compact JSON; a share link carries at most \
                 {MAX_SCENARIO_BYTES} bytes, so share the file itself instead",
                "シナリオはコンパクトな JSON で {bytes} バイトあります。共有リンクに入るのは \
                 {MAX_SCENARIO_BYTES} バイトまでなので、ファイル自体を共有してください"
            ),
            LinkError::LinkTooLong { bytes } => say!(
                lang,
                "the link is {bytes} bytes long, more than the {MAX_LINK_BYTES} bytes a share \
                 link may have; it was not read",
                "リンクが {bytes} バイトあり、共有リンクの上限 {MAX_LINK_BYTES} バイトを超えるため、\
                 読み取りませんでした"
            ),
            LinkError::NotALink => lang
                .pick(
                    "this is not an IAM Playground share link: expected an \
                     address or fragment whose part after `#` starts with `s1.`",
                    "IAM Playground の共有リンクではありません: `#` の後が `s1.` で始まる\
                     アドレスかフラグメントが必要です",
                )
                .to_string(),
            LinkError::NewerFormat { format } => say!(
                lang,
                "this link was made by a newer version of IAM Playground (format {format}); \
                 this version reads format {FORMAT}",
                "このリンクは新しいバージョンの IAM Playground で作成されました (形式 {format})。\
                 このバージョンが読めるのは形式 {FORMAT} です"
            ),
            LinkError::InvalidCharacter {
                character,
                position,
            } => say!(
                lang,
                "the link has {} at character {position}, which cannot appear in a share link \
                 (only A-Z, a-z, 0-9, `-` and `_` can); it may have been altered when it was copied",
                "リンクの {position} 文字目 ({}) は共有リンクに使えない文字です (使えるのは A-Z、\
                 a-z、0-9、`-`、`_` のみ)。コピーの際に変わった可能性があります",
                describe(*character, lang)
            ),
            LinkError::Truncated => lang
                .pick(
                    "the link's data is cut short: copy the whole link, up to \
                     its last character",
                    "リンクのデータが途中で切れています: リンクを最後の文字まで\
                     すべてコピーしてください",
                )
                .to_string(),
            LinkError::CorruptData => lang
                .pick(
                    "the link's data is damaged and cannot be unpacked: copy \
                     the whole link again",
                    "リンクのデータが壊れていて展開できません: リンク全体を\
                     もう一度コピーしてください",
                )
                .to_string(),
            LinkError::InflatesTooLarge => say!(
                lang,
                "the link unpacks to more than {MAX_SCENARIO_BYTES} bytes, more than any \
                 scenario may have; it was not read",
                "リンクを展開すると {MAX_SCENARIO_BYTES} バイトを超え、シナリオの上限を超える\
                 ため、読み取りませんでした"
            ),
            LinkError::NotUtf8 { byte } => say!(
                lang,
                "the link unpacks to data that is not UTF-8 text (at byte {byte}), so it holds \
                 no scenario",
                "リンクを展開したデータは UTF-8 テキストではない (バイト {byte}) ため、\
                 シナリオを含んでいません"
            ),
            LinkError::NotJson(e) => say!(
                lang,
                "the link unpacks to text that is not JSON (line {}, column {}: {})",
                "リンクを展開したテキストが JSON ではありません ({} 行 {} 列: {})",
                e.at.line,
                e.at.column,
                e.message_in(lang)
            ),
        }
    }
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for LinkError {}

fn describe(c: char, lang: Lang) -> String {
    match c {
        ' ' => lang.pick("a space", "空白").to_string(),
        '=' => "`=`".to_string(),
        c if c.is_control() || c.is_whitespace() => {
            say!(lang, "the character U+{:04X}", "文字 U+{:04X}", c as u32)
        }
        c => format!("`{c}`"),
    }
}

/// Makes the fragment of a share link, `#` included, for a scenario's JSON text. The page appends
/// it to its own address.
pub fn encode(scenario_text: &str) -> Result<String, LinkError> {
    let scenario =
        json::parse(scenario_text, &Limits::default()).map_err(LinkError::ScenarioNotJson)?;
    let compact = scenario.to_compact_string();
    if compact.len() > MAX_SCENARIO_BYTES {
        return Err(LinkError::ScenarioTooLarge {
            bytes: compact.len(),
        });
    }
    let packed = miniz_oxide::deflate::compress_to_vec(compact.as_bytes(), COMPRESSION_LEVEL);
    Ok(format!("#s{FORMAT}.{}", base64url::encode(&packed)))
}

/// Reads the scenario a share link holds and returns it as JSON text indented by two spaces.
/// `input` may be a whole address (`http://127.0.0.1:8080/#s1.…`) or its fragment, with or
/// without the `#`; white space around it is ignored. Only JSON-ness is checked here: whether the
/// text is a valid scenario is for the scenario's own validation, which can point into this text.
pub fn decode(input: &str) -> Result<String, LinkError> {
    if input.len() > MAX_LINK_BYTES {
        return Err(LinkError::LinkTooLong { bytes: input.len() });
    }
    let (payload, payload_start) = payload(input)?;
    let packed = base64url::decode(payload).map_err(|e| match e {
        base64url::Error::InvalidCharacter { character, index } => LinkError::InvalidCharacter {
            character,
            position: payload_start + index + 1,
        },
        base64url::Error::Truncated => LinkError::Truncated,
    })?;
    let bytes = inflate(&packed)?;
    let text = json::utf8_text(bytes).map_err(|byte| LinkError::NotUtf8 { byte })?;
    let scenario = json::parse(&text, &Limits::default()).map_err(LinkError::NotJson)?;
    Ok(to_pretty_string(&scenario))
}

/// Finds the base64url payload in `input` and the number of characters before it.
fn payload(input: &str) -> Result<(&str, usize), LinkError> {
    let leading = input.chars().take_while(|c| c.is_whitespace()).count();
    let trimmed = input.trim();
    let (fragment, skipped) = match trimmed.split_once('#') {
        Some((before, after)) => (after, leading + before.chars().count() + 1),
        None => (trimmed, leading),
    };
    let rest = fragment.strip_prefix('s').ok_or(LinkError::NotALink)?;
    let (format, data) = rest.split_once('.').ok_or(LinkError::NotALink)?;
    if format.is_empty() || !format.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LinkError::NotALink);
    }
    // Digits too many for a u64 are a format far in the future, not a broken link.
    match format.parse::<u64>() {
        Ok(n) if n == u64::from(FORMAT) => {}
        Ok(0) => return Err(LinkError::NotALink),
        _ => {
            return Err(LinkError::NewerFormat {
                format: format.to_string(),
            })
        }
    }
    // Some tools pad base64 with `=`; padding carries no data.
    let data = data.trim_end_matches('=');
    Ok((data, skipped + 1 + format.len() + 1))
}

/// Inflates raw DEFLATE data, giving up as soon as the output would pass `MAX_SCENARIO_BYTES`
/// (miniz_oxide grows its buffer only up to the limit), so a tiny link that would unpack to
/// gigabytes costs at most that much memory.
fn inflate(packed: &[u8]) -> Result<Vec<u8>, LinkError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    decompress_to_vec_with_limit(packed, MAX_SCENARIO_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => LinkError::InflatesTooLarge,
        _ => LinkError::CorruptData,
    })
}

/// Writes JSON with members and items on their own lines, indented by two spaces, the way people
/// write scenarios. Depth is bounded by the parser's `max_depth`, so the recursion is too.
pub fn to_pretty_string(json: &Json) -> String {
    let mut out = String::new();
    write_pretty(json, 0, &mut out);
    out.push('\n');
    out
}

fn write_pretty(value: &Json, depth: usize, out: &mut String) {
    match &value.value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                new_line(out, depth + 1, i > 0);
                write_pretty(item, depth + 1, out);
            }
            new_line(out, depth, false);
            out.push(']');
        }
        Value::Object(members) if !members.is_empty() => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                new_line(out, depth + 1, i > 0);
                json::write_string(&member.key, out);
                out.push_str(": ");
                write_pretty(&member.value, depth + 1, out);
            }
            new_line(out, depth, false);
            out.push('}');
        }
        _ => out.push_str(&value.to_compact_string()),
    }
}

fn new_line(out: &mut String, depth: usize, after_item: bool) {
    if after_item {
        out.push(',');
    }
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// base64url without padding (RFC 4648 §5): A-Z a-z 0-9 `-` `_`.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    #[derive(Debug, PartialEq)]
    pub enum Error {
        /// `index` counts characters from the start of the encoded text, from 0.
        InvalidCharacter {
            character: char,
            index: usize,
        },
        Truncated,
    }

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk.first().copied().unwrap_or(0),
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..=chunk.len() {
                let sextet = (n >> (18 - 6 * i)) & 0x3f;
                out.push(char::from(ALPHABET[sextet as usize]));
            }
        }
        out
    }

    fn sextet(c: char) -> Option<u32> {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => return None,
        };
        Some(v)
    }

    pub fn decode(text: &str) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut count = 0;
        for (index, character) in text.chars().enumerate() {
            let v = sextet(character).ok_or(Error::InvalidCharacter { character, index })?;
            acc = (acc << 6) | v;
            bits += 6;
            count += 1;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        // One character alone in its group of four holds only six bits: not even one byte.
        if count % 4 == 1 {
            return Err(Error::Truncated);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_links_are_explained_in_japanese() {
        assert_eq!(
            decode("#s2.AAAA").unwrap_err().message_in(Lang::Ja),
            "このリンクは新しいバージョンの IAM Playground で作成されました (形式 2)。このバージョンが読めるのは形式 1 です"
        );
        assert_eq!(
            decode("#s1.ab+d").unwrap_err().message_in(Lang::Ja),
            "リンクの 7 文字目 (`+`) は共有リンクに使えない文字です (使えるのは A-Z、a-z、0-9、`-`、`_` のみ)。コピーの際に変わった可能性があります"
        );
        assert_eq!(
            LinkError::CorruptData.message_in(Lang::Ja),
            "リンクのデータが壊れていて展開できません: リンク全体をもう一度コピーしてください"
        );
        assert_eq!(
            encode("{\"a\": }").unwrap_err().message_in(Lang::Ja),
            "シナリオが正しい JSON ではないため (1 行 7 列: 値が必要ですが、文字 '}' があります)、リンクを作成できません"
        );
        assert_eq!(
            LinkError::NotALink.message_in(Lang::En),
            LinkError::NotALink.message()
        );
    }

    /// A small scenario as people write them: one user, one role, one request.
    const SMALL: &str = r#"{
  "scenario": 1,
  "title": "Alice assumes the Deployer role",
  "users": [
    {
      "arn": "arn:aws:iam::111122223333:user/alice",
      "policies": [
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "sts:AssumeRole",
              "Resource": "arn:aws:iam::444455556666:role/app/Deployer"
            }
          ]
        }
      ]
    }
  ],
  "roles": [
    {
      "arn": "arn:aws:iam::444455556666:role/app/Deployer",
      "trust": {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::111122223333:user/alice" },
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "sts:ExternalId": "x-123" } }
          }
        ]
      },
      "policies": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
      "maxSessionDuration": 3600
    }
  ],
  "requests": [
    {
      "name": "alice assumes Deployer",
      "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "sts:AssumeRole",
      "resource": "arn:aws:iam::444455556666:role/app/Deployer",
      "parameters": { "RoleSessionName": "alice", "ExternalId": "x-123", "DurationSeconds": 3600 },
      "expect": "allowed"
    }
  ]
}"#;

    fn compact(text: &str) -> String {
        json::parse(text, &Limits::default())
            .map(|j| j.to_compact_string())
            .unwrap_or_else(|e| panic!("test input is not JSON: {e}"))
    }

    fn fragment_of(raw: &[u8]) -> String {
        format!("#s1.{}", base64url::encode(raw))
    }

    fn round_trip(text: &str) -> String {
        let link = encode(text).expect("encodes");
        decode(&link).expect("decodes")
    }

    #[test]
    fn round_trip_restores_values_key_order_and_duplicates() {
        let cases = [
            SMALL,
            r#"{"b":1,"a":[true,false,null],"b":2.50,"n":-0.0e+3,"s":"tab\tquote\"back\\slash"}"#,
            r#"{"title":"開発アカウントへのクロスアカウント 🚀","description":"é\u00e9\u2028"}"#,
            r#"{"empty":{},"list":[],"nested":[[{}],[[]]]}"#,
            "[]",
            "\"just a string\"",
        ];
        for text in cases {
            let restored = round_trip(text);
            assert_eq!(compact(&restored), compact(text), "for {text}");
        }
    }

    #[test]
    fn decoded_scenario_is_indented_by_two_spaces() {
        let restored =
            round_trip(r#"{"scenario":1,"requests":[{"action":"s3:GetObject"}],"policies":{}}"#);
        let expected = "{\n  \"scenario\": 1,\n  \"requests\": [\n    {\n      \"action\": \"s3:GetObject\"\n    }\n  ],\n  \"policies\": {}\n}\n";
        assert_eq!(restored, expected);
    }

    #[test]
    fn whitespace_in_the_scenario_costs_nothing() {
        let spread = SMALL.replace("  ", "        ");
        assert_eq!(encode(SMALL), encode(&spread));
    }

    #[test]
    fn small_scenario_fits_well_under_1200_characters() {
        let url = format!("http://127.0.0.1:8080/{}", encode(SMALL).expect("encodes"));
        assert!(
            url.len() < 900,
            "the link is {} characters: {url}",
            url.len()
        );
        assert!(url.len() < SMALL.len(), "compression saves nothing");
    }

    #[test]
    fn accepts_whole_address_and_fragment_with_or_without_hash() {
        let fragment = encode(SMALL).expect("encodes");
        let inputs = [
            format!("http://127.0.0.1:8080/{fragment}"),
            format!("https://example.com/playground/index.html?x=1{fragment}"),
            fragment.clone(),
            fragment.trim_start_matches('#').to_string(),
            format!("  {fragment}\n"),
        ];
        for input in inputs {
            let restored = decode(&input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(compact(&restored), compact(SMALL));
        }
    }

    #[test]
    fn refuses_what_is_not_a_link() {
        for input in [
            "",
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/#",
            "#x1.abc",
            "#s.abc",
            "#s1abc",
            "#sA.abc",
            "#s0.abc",
        ] {
            assert_eq!(decode(input), Err(LinkError::NotALink), "for {input:?}");
        }
        assert!(LinkError::NotALink.message().contains("`s1.`"));
    }

    #[test]
    fn refuses_newer_formats_naming_them() {
        let err = decode("http://127.0.0.1:8080/#s2.AAAA").expect_err("format 2");
        assert_eq!(
            err.message(),
            "this link was made by a newer version of IAM Playground (format 2); this version reads format 1"
        );
        let huge = decode("#s99999999999999999999999.AAAA").expect_err("huge format");
        assert!(matches!(huge, LinkError::NewerFormat { .. }));
    }

    #[test]
    fn names_an_invalid_character_and_its_position() {
        let err = decode("#s1.AB+D").expect_err("+ is base64 but not base64url");
        assert_eq!(
            err,
            LinkError::InvalidCharacter {
                character: '+',
                position: 7
            }
        );
        assert!(
            err.message().contains("`+` at character 7"),
            "{}",
            err.message()
        );

        let spaced = decode("http://h/#s1.AB CD").expect_err("space");
        assert_eq!(
            spaced,
            LinkError::InvalidCharacter {
                character: ' ',
                position: 16
            }
        );
        assert!(spaced.message().contains("a space at character 16"));

        // Positions count characters, not bytes, so they match what a person sees.
        let wide = decode("http://ü/#s1.ABé").expect_err("non-ASCII");
        assert_eq!(
            wide,
            LinkError::InvalidCharacter {
                character: 'é',
                position: 16
            }
        );
    }

    #[test]
    fn refuses_cut_short_data() {
        let fragment = encode(SMALL).expect("encodes");
        // Remove characters until the length is one more than a multiple of four.
        let mut cut = fragment.clone();
        while (cut.len() - 4) % 4 != 1 {
            cut.pop();
        }
        assert_eq!(decode(&cut), Err(LinkError::Truncated));
        // Losing a few characters otherwise leaves a DEFLATE stream that ends early.
        let shorter = &fragment[..fragment.len() - 8];
        assert_eq!(decode(shorter), Err(LinkError::CorruptData));
    }

    #[test]
    fn refuses_corrupt_deflate_data() {
        // Block type 3 is reserved in DEFLATE (RFC 1951 §3.2.3).
        assert_eq!(
            decode(&fragment_of(&[0xff, 0xff, 0xff])),
            Err(LinkError::CorruptData)
        );
        assert!(LinkError::CorruptData.message().contains("damaged"));
    }

    #[test]
    fn refuses_overlong_links_before_reading_them() {
        let long = format!("#s1.{}", "A".repeat(MAX_LINK_BYTES));
        assert_eq!(
            decode(&long),
            Err(LinkError::LinkTooLong { bytes: long.len() })
        );
    }

    #[test]
    fn refuses_a_zip_bomb_at_the_inflate_limit() {
        // 64 MiB of one byte packs into about 64 KiB, well inside the link cap; inflating stops
        // at MAX_SCENARIO_BYTES instead of building the 64 MiB.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 64 * 1024 * 1024], 9);
        let link = fragment_of(&bomb);
        assert!(
            link.len() < MAX_LINK_BYTES,
            "the bomb link is {} bytes",
            link.len()
        );
        assert_eq!(decode(&link), Err(LinkError::InflatesTooLarge));
        // Just over the limit is refused too, just under is read.
        let over = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_SCENARIO_BYTES + 1], 9);
        assert_eq!(
            decode(&fragment_of(&over)),
            Err(LinkError::InflatesTooLarge)
        );
        let mut under = vec![b' '; MAX_SCENARIO_BYTES - 2];
        under.extend_from_slice(b"[]");
        let packed = miniz_oxide::deflate::compress_to_vec(&under, 9);
        assert_eq!(decode(&fragment_of(&packed)), Ok("[]\n".to_string()));
    }

    #[test]
    fn refuses_payloads_that_are_not_utf8_or_not_json() {
        let latin1 = miniz_oxide::deflate::compress_to_vec(b"{\"t\":\"caf\xe9\"}", 9);
        assert_eq!(
            decode(&fragment_of(&latin1)),
            Err(LinkError::NotUtf8 { byte: 9 })
        );

        let text = miniz_oxide::deflate::compress_to_vec(b"{\"scenario\": 1,}", 9);
        let err = decode(&fragment_of(&text)).expect_err("trailing comma");
        assert!(matches!(err, LinkError::NotJson(_)));
        assert!(
            err.message()
                .starts_with("the link unpacks to text that is not JSON (line 1, column"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn encode_refuses_text_that_is_not_json() {
        let err = encode("{\"scenario\": 1").expect_err("unterminated");
        assert!(matches!(err, LinkError::ScenarioNotJson(_)));
        assert!(err.message().contains("no link can be made"));
    }

    #[test]
    fn encode_refuses_scenarios_too_large_for_a_link() {
        let big = format!("[\"{}\"]", "a".repeat(MAX_SCENARIO_BYTES));
        assert_eq!(
            encode(&big),
            Err(LinkError::ScenarioTooLarge { bytes: big.len() })
        );
    }

    #[test]
    fn base64url_matches_rfc_4648_test_vectors() {
        // RFC 4648 §10, without padding; the alphabet is the same for these inputs.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url::encode(plain.as_bytes()), encoded);
            assert_eq!(base64url::decode(encoded), Ok(plain.as_bytes().to_vec()));
        }
        // The two characters where base64url differs from base64.
        assert_eq!(base64url::encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url::decode("-_8"), Ok(vec![0xfb, 0xff]));
    }
}
