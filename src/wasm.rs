//! The browser binding: a thin layer over the core, compiled only for `wasm32`.
//!
//! Every export takes text (or its UTF-8 bytes) and returns JSON text, plain data (JavaScript
//! objects built by serde-wasm-bindgen or `JSON.parse`), or throws a `js_sys::Error` with a
//! sentence. Bad input is never a panic: the release build aborts on panic, which would kill
//! the page's engine. wasm-bindgen writes the TypeScript signatures to
//! `www/pkg/iam_playground.d.ts`; the shapes of the replies are the scenario format's.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::finding::Finding;
use crate::lang::Lang;
use crate::policy::{validate_text_with, PolicyKind, ValidateOptions};
use crate::scenario::{self, link, RequestResult, RunOptions, RunOutput, TimeLimits};

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The default time limits on the browser's clock (`std` has none on `wasm32`).
fn browser_limits() -> TimeLimits {
    fn now() -> f64 {
        js_sys::Date::now()
    }
    TimeLimits {
        clock: Some(now),
        ..TimeLimits::default()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunReply<'a> {
    /// False when the text is not a scenario that can be run; `findings` then says why.
    runnable: bool,
    results: &'a [RequestResult],
    findings: &'a [Finding],
}

/// The language from the page's tag: `"ja"` (or `"ja-JP"`) is Japanese; anything else, or
/// nothing, is English.
fn lang_of(lang: Option<String>) -> Lang {
    lang.as_deref().map_or(Lang::En, Lang::from_tag)
}

/// `full`: the indices of the requests to explain in full, the others brief; none: all in full.
fn options(lang: Option<String>, full: Option<Vec<u32>>) -> RunOptions {
    RunOptions {
        lang: lang_of(lang),
        limits: browser_limits(),
        full_explanations: full.map(|f| f.into_iter().map(|i| i as usize).collect()),
    }
}

/// Runs a scenario: `{ runnable, results, findings }` as JSON text, as `iam-playground run
/// --json` prints it (plus `runnable`), with the explanations in `lang` (`"ja"` or English), in
/// full for the requests whose indices `full` lists (all when it is not given) and brief for the
/// others. Never throws for bad input: an invalid scenario comes back with `runnable: false` and
/// its findings.
///
/// One string crosses the boundary, which the caller turns into objects with `JSON.parse`: much
/// faster than building thousands of small objects across it. A fresh engine each call (the same
/// code as [`JsEngine`]'s, which keeps the module small): nothing is kept between calls.
#[wasm_bindgen(js_name = runScenarioJson)]
pub fn run_scenario_json(text: &str, lang: Option<String>, full: Option<Vec<u32>>) -> String {
    reply_json(scenario::Engine::new().run(text, &options(lang, full)))
}

/// An engine that keeps the last scenario's world between runs (see [`scenario::Engine`]): what
/// the page's worker runs every keystroke through. The text's UTF-8 bytes written at
/// `inputBuffer`, with the language and the open requests `runScenarioJson` takes, give what it
/// gives (`www/run-text.js` does both steps).
#[wasm_bindgen(js_name = Engine)]
#[derive(Default)]
pub struct JsEngine {
    engine: scenario::Engine,
    /// Where the caller writes the next text's UTF-8 bytes (`inputBuffer`, then `runInput`).
    input: Vec<u8>,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsEngine {
        JsEngine::default()
    }

    /// Room for `len` bytes of the next text in the module's memory, and its address there:
    /// the page's worker writes the text's UTF-8 bytes into it with `TextEncoder.encodeInto`
    /// and runs them with [`run_input`](Self::run_input) (`www/run-text.js`). That skips the
    /// new array `TextEncoder.encode` makes and the glue's copy of it: about 1 µs of a 16 µs
    /// run in Node. The room is kept for the next text.
    #[wasm_bindgen(js_name = inputBuffer)]
    pub fn input_buffer(&mut self, len: usize) -> usize {
        if self.input.len() < len {
            self.input.resize(len, 0);
        }
        self.input.as_mut_ptr() as usize
    }

    /// Runs the first `len` bytes written at [`input_buffer`](Self::input_buffer).
    /// A `len` beyond the room made is the caller's mistake, not the text's: the reply is not
    /// runnable and its `error` says so.
    #[wasm_bindgen(js_name = runInput)]
    pub fn run_input(
        &mut self,
        len: usize,
        lang: Option<String>,
        full: Option<Vec<u32>>,
    ) -> String {
        match self.input.get(..len) {
            Some(utf8) => reply_json(self.engine.run_utf8(utf8, &options(lang, full))),
            None => error_reply("runInput: more bytes than inputBuffer made room for"),
        }
    }
}

/// Not exported: JavaScript passes text through `inputBuffer` and `runInput` alone (each export
/// costs the module its glue; `run` and `runUtf8` were 0.5 KB gzipped). Rust callers, the
/// browser tests, hand bytes over directly.
impl JsEngine {
    /// What `runInput` gives for these bytes written at `inputBuffer`. Bytes that are not UTF-8
    /// give `runnable: false` and a finding that says where.
    pub fn run_utf8(
        &mut self,
        utf8: &[u8],
        lang: Option<String>,
        full: Option<Vec<u32>>,
    ) -> String {
        reply_json(self.engine.run_utf8(utf8, &options(lang, full)))
    }
}

/// `value` as JSON text, or why it could not be written.
fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    crate::json::to_compact_json(value).map_err(|e| e.to_string())
}

/// `{ runnable, results, findings }` as JSON text.
fn reply_json(run: Result<RunOutput, Vec<Finding>>) -> String {
    let reply = match run {
        Ok(out) => to_json(&RunReply {
            runnable: true,
            results: &out.results,
            findings: &out.findings,
        }),
        Err(findings) => to_json(&RunReply {
            runnable: false,
            results: &[],
            findings: &findings,
        }),
    };
    reply.unwrap_or_else(|e| error_reply(&e))
}

/// A reply that is not runnable because of `error`, a sentence about the engine, not the text.
fn error_reply(error: &str) -> String {
    // The sentence as a JSON string by the same writer (`{:?}` would bring Rust's escaping and
    // its Unicode tables into the module for this one line).
    let error = to_json(error).unwrap_or_else(|_| "\"\"".to_string());
    format!("{{\"runnable\":false,\"results\":[],\"findings\":[],\"error\":{error}}}")
}

/// Validates one policy document of `kind` (`identity`, `trust`, `resource`, `scp`, `rcp`,
/// `boundary`, `session`): `{ findings }`, their sentences in `lang` (`"ja"` or English).
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy_js(
    text: &str,
    kind: &str,
    lang: Option<String>,
) -> Result<JsValue, js_sys::Error> {
    let kind = PolicyKind::from_name(kind).ok_or_else(|| {
        js_sys::Error::new(&format!("`{kind}` is not a policy kind; use identity, trust, resource, scp, rcp, boundary or session"))
    })?;
    #[derive(Serialize)]
    struct Reply<'a> {
        findings: &'a [Finding],
    }
    let options = ValidateOptions {
        lang: lang_of(lang),
    };
    let reply = Reply {
        findings: &validate_text_with(text, kind, &options).findings,
    };
    // Findings are written by the serializer the results use, and made objects by the
    // browser's `JSON.parse`: a second serializer for them would cost the module its size.
    let json = to_json(&reply).map_err(|e| js_sys::Error::new(&e))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| js_sys::Error::new("the engine wrote findings that are not JSON"))
}

/// The share-link fragment (`#s1.…`) for a scenario's text; the error's sentence in `lang`.
#[wasm_bindgen(js_name = encodeLink)]
pub fn encode_link_js(text: &str, lang: Option<String>) -> Result<String, js_sys::Error> {
    link::encode(text).map_err(|e| js_sys::Error::new(&e.message_in(lang_of(lang))))
}

/// The scenario text a share link (a whole URL or its fragment) holds; a refused link's
/// sentence in `lang`.
#[wasm_bindgen(js_name = decodeLink)]
pub fn decode_link_js(input: &str, lang: Option<String>) -> Result<String, js_sys::Error> {
    link::decode(input).map_err(|e| js_sys::Error::new(&e.message_in(lang_of(lang))))
}

/// The JSON text indented with two spaces, for the editors' format button.
#[wasm_bindgen(js_name = formatJson)]
pub fn format_json_js(text: &str, lang: Option<String>) -> Result<String, js_sys::Error> {
    let lang = lang_of(lang);
    let json = crate::json::parse(text, &crate::json::Limits::default()).map_err(|e| {
        let (line, column, message) = (e.at.line, e.at.column, e.message_in(lang));
        js_sys::Error::new(&crate::lang::say!(
            lang,
            "line {line}, column {column}: {message}",
            "{line} 行 {column} 列: {message}"
        ))
    })?;
    Ok(link::to_pretty_string(&json))
}

/// Checks that `text` is JSON; returns `null` when it is, or `{message, line, column}` with the
/// message in `lang`.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(text: &str, lang: Option<String>) -> Result<JsValue, js_sys::Error> {
    /// Written as a map, not a struct: serde-wasm-bindgen caches a struct's field names in a
    /// hash table, which this one use would bring into the module (about 0.8 KB gzipped).
    struct Problem<'a> {
        message: &'a str,
        line: u32,
        column: u32,
    }
    impl Serialize for Problem<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(Some(3))?;
            map.serialize_entry("message", self.message)?;
            map.serialize_entry("line", &self.line)?;
            map.serialize_entry("column", &self.column)?;
            map.end()
        }
    }
    match crate::json::parse(text, &crate::json::Limits::default()) {
        Ok(_) => Ok(JsValue::NULL),
        Err(e) => to_js(&Problem {
            message: &e.message_in(lang_of(lang)),
            line: e.at.line,
            column: e.at.column,
        }),
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, js_sys::Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("could not build the result: {e}")))
}
