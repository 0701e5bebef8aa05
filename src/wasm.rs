//! The browser binding: a thin layer over the core, compiled only for `wasm32`.
//!
//! Every export takes text and returns plain data or a `js_sys::Error`; no Rust panic is meant to
//! reach JavaScript (the release build aborts on panic, which would kill the page's engine).

use wasm_bindgen::prelude::*;

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Checks that `text` is JSON; returns `null` when it is, or `{message, line, column}`.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(text: &str) -> Result<JsValue, js_sys::Error> {
    match crate::json::parse(text, &crate::json::Limits::default()) {
        Ok(_) => Ok(JsValue::NULL),
        Err(e) => {
            let obj = js_sys::Object::new();
            set(&obj, "message", &JsValue::from_str(&e.message))?;
            set(&obj, "line", &JsValue::from(e.at.line))?;
            set(&obj, "column", &JsValue::from(e.at.column))?;
            Ok(obj.into())
        }
    }
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), js_sys::Error> {
    js_sys::Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| js_sys::Error::new("could not build the result object"))
}
