//! Tests that run inside headless Chromium through `wasm-pack test --headless --chrome`.
//! `run_in_browser` is required: without it wasm-pack silently skips them.
#![cfg(target_arch = "wasm32")]

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
    let ok = iam_playground::wasm::check_json("{\"a\": [1, 2]}").unwrap();
    assert!(ok.is_null());
    let err = iam_playground::wasm::check_json("{\n  \"Sid\": \"開発\",\n  \"x\": }").unwrap();
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
