//! Browser plumbing: downloads, the clipboard, URL fragments and queries, time.

use wasm_bindgen::JsCast;

/// Offers `content` as a file download (a Blob URL: nothing is uploaded).
pub fn download(name: &str, mime: &str, content: &[u8]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    let array = js_sys::Uint8Array::from(content);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard.
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The current URL fragment without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// Replaces the URL fragment without adding a history entry or reloading.
pub fn set_fragment(frag: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(h) = w.history() else { return };
    let loc = w.location();
    let base = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    let url = if frag.is_empty() {
        base
    } else {
        format!("{base}#{frag}")
    };
    let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// `key=value&…` pairs of a query or fragment, decoded.
pub fn parse_pairs(s: &str) -> Vec<(String, String)> {
    s.trim_start_matches(['?', '#'])
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-encodes a component.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(&s.replace('+', " "))
        .map(String::from)
        .unwrap_or_else(|_| s.to_owned())
}

/// The query string of the current URL, parsed.
pub fn query() -> Vec<(String, String)> {
    parse_pairs(
        &web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default(),
    )
}

/// Seconds since the Unix epoch, from the browser's clock.
pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Milliseconds from the page's performance clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// A number formatted for the current language (`Intl.NumberFormat` through `toLocaleString`).
pub fn num(n: u64) -> String {
    js_sys::Number::from(n as f64)
        .to_locale_string(crate::i18n::lang().tag())
        .into()
}

/// A `YYYY-MM-DD` day formatted for the current language (UTC).
pub fn day(d: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!("{d}T00:00:00Z")));
    if date.get_time().is_nan() {
        return d.to_owned();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    date.to_locale_date_string(crate::i18n::lang().tag(), &opts)
        .into()
}

/// A rate 0..1 as a percentage.
pub fn pct(rate: Option<f64>) -> String {
    match rate {
        Some(r) if (0.9999..1.0).contains(&r) => "99.99%".into(),
        Some(r) => format!("{:.2}%", r * 100.0),
        None => "–".into(),
    }
}

/// The date `days` from today, written the way the page's language writes dates (for "stay in testing until").
pub fn date_in_days(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    d.to_locale_date_string(crate::i18n::lang().tag(), &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// The first `n` characters of `s` when it has more (a long value cut for the screen), else `None`.
pub fn cut(s: &str, n: usize) -> Option<&str> {
    s.char_indices().nth(n).map(|(i, _)| &s[..i])
}
