//! Names the policy host compares or looks up on every request that reaches the Rust side, kept as JavaScript
//! strings once per isolate: a `&str` handed to the runtime is decoded out of Wasm memory on each call, and a
//! method read as a `String` is encoded into it; together about half of what serving a kept answer cost over a
//! constant JavaScript worker (V8's profiler on bare workerd), before the entry replayed kept answers itself
//! (`worker/entry.mjs`).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use worker::web_sys;

#[wasm_bindgen]
extern "C" {
    /// A `Headers` object, seen through the one method used here.
    type NamedHeaders;
    /// `Headers.get(name)` for a name that is already a JavaScript string.
    #[wasm_bindgen(method, catch, js_name = get)]
    fn get_named(this: &NamedHeaders, name: &JsValue) -> Result<Option<String>, JsValue>;
    /// A `Request` object, seen through the one getter used here.
    type MethodOf;
    /// `Request.method`, left a JavaScript string.
    #[wasm_bindgen(method, getter, js_name = method)]
    fn method_value(this: &MethodOf) -> JsValue;
}

/// The names, made once per isolate.
struct Names {
    /// The `Host` header's name.
    host: JsValue,
    get: JsValue,
    head: JsValue,
}

thread_local! {
    static NAMES: Names = Names {
        host: JsValue::from_str("Host"),
        get: JsValue::from_str("GET"),
        head: JsValue::from_str("HEAD"),
    };
}

/// The `Host` header's value, if `headers` has one.
pub(crate) fn host(headers: &web_sys::Headers) -> Option<String> {
    let headers: &NamedHeaders = headers.unchecked_ref();
    NAMES.with(|n| headers.get_named(&n.host).ok().flatten())
}

/// `Some(false)` for a GET, `Some(true)` for a HEAD, `None` for any other method (the runtime gives methods
/// upper-case: it normalizes the standard ones, and a policy fetch uses no other).
pub(crate) fn head_or_get(req: &web_sys::Request) -> Option<bool> {
    let method = req.unchecked_ref::<MethodOf>().method_value();
    NAMES.with(|n| {
        if method == n.get {
            Some(false)
        } else if method == n.head {
            Some(true)
        } else {
            None
        }
    })
}
