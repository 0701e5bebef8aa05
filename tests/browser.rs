//! Tests that run inside headless Chromium through `wasm-pack test --headless --chrome`.
//! `run_in_browser` is required: without it wasm-pack silently skips them.
#![cfg(target_arch = "wasm32")]

use iam_playground::wasm::JsEngine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_inside_a_browser() {
    // `window` exists only in a browser, not in Node: proves where this test runs.
    let global = js_sys::global();
    let window = js_sys::Reflect::get(&global, &JsValue::from_str("window")).unwrap();
    assert!(
        !window.is_undefined(),
        "expected to run in a browser window"
    );
    let agent = js_sys::eval("navigator.userAgent")
        .unwrap()
        .as_string()
        .unwrap();
    assert!(agent.contains("Chrome"), "user agent: {agent}");
}

#[wasm_bindgen_test]
fn check_json_reports_the_place_of_an_error() {
    let ok = iam_playground::wasm::check_json("{\"a\": [1, 2]}", None).unwrap();
    assert!(ok.is_null());
    let err =
        iam_playground::wasm::check_json("{\n  \"Sid\": \"開発\",\n  \"x\": }", None).unwrap();
    let line = js_sys::Reflect::get(&err, &"line".into())
        .unwrap()
        .as_f64()
        .unwrap();
    let column = js_sys::Reflect::get(&err, &"column".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert_eq!((line, column), (3.0, 8.0));
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// The page's own entry point: one `Engine` for the page's life, handed the text as UTF-8 bytes
/// (as `runInput` reads them), its JSON text made objects by the browser's `JSON.parse`.
fn run_as_the_page(engine: &mut JsEngine, text: &str, lang: Option<&str>) -> JsValue {
    js_sys::JSON::parse(&engine.run_utf8(text.as_bytes(), lang.map(String::from), None)).unwrap()
}

/// The same corpus as `tests/corpus.rs`, run by the WebAssembly build inside Chromium through
/// the page's entry point, one scenario after another through one engine as the page runs them,
/// explained in English and in Japanese, and the same through the stateless `runScenarioJson`.
#[wasm_bindgen_test]
fn every_expectation_in_the_corpus_is_met_in_the_browser() {
    assert!(CORPUS.len() >= 2);
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap();
    let mut engine = JsEngine::new();
    for (path, text) in CORPUS {
        for lang in [None, Some("ja")] {
            let reply = run_as_the_page(&mut engine, text, lang);
            let alone = iam_playground::wasm::run_scenario_json(text, lang.map(String::from), None);
            assert_eq!(
                js_sys::JSON::stringify(&reply).unwrap(),
                js_sys::JSON::stringify(&js_sys::JSON::parse(&alone).unwrap()).unwrap(),
                "{path} {lang:?}: the engine and a fresh run differ"
            );
            assert_eq!(
                get(&reply, "runnable").as_bool(),
                Some(true),
                "{path} {lang:?}"
            );
            let results = js_sys::Array::from(&get(&reply, "results"));
            for result in results.iter() {
                let expectation = get(&result, "expectation").as_string();
                assert_eq!(
                    expectation.as_deref(),
                    Some("met"),
                    "{path} {lang:?}: request {:?}",
                    get(&result, "name").as_string()
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn malformed_input_is_an_error_value_not_a_trap() {
    for text in [
        "",
        "{",
        "\u{0}\u{1}garbage",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ] {
        let reply = run_as_the_page(&mut JsEngine::new(), text, None);
        let runnable = js_sys::Reflect::get(&reply, &"runnable".into()).unwrap();
        assert_eq!(runnable.as_bool(), Some(false));
    }
    // Bytes that are not UTF-8 are a finding, not a trap.
    let reply = JsEngine::new().run_utf8(b"{\"title\": \"\xFF\"}", None, None);
    assert!(
        reply.starts_with("{\"runnable\":false,\"results\":[],\"findings\":[{\"severity\":\"error\",\"code\":\"JSON_SYNTAX\""),
        "{reply}"
    );
    let err = iam_playground::wasm::decode_link_js("#s9.AAAA", None).unwrap_err();
    let message: String = err.message().into();
    assert!(message.contains("newer version"), "{message}");
}
