//! UI text from the shared Fluent catalogs (`core/locales/*.ftl`, ids `ui--…`), so the web app, the CLI and the
//! diagnostics speak the same words. The language comes from the visitor's choice (kept in local storage), else
//! `navigator.languages`, else English; `<html lang>` follows it.

use gloo::storage::{LocalStorage, Storage};
use mtasts_core::i18n::{Catalog, Lang};
use std::cell::Cell;

const STORAGE_KEY: &str = "mtasts-lang";

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language in use.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Picks the initial language: the remembered choice, else the browser's preferences, else English.
pub fn detect() -> Lang {
    if let Ok(tag) = LocalStorage::get::<String>(STORAGE_KEY) {
        if let Some(l) = Lang::from_tag(&tag) {
            return l;
        }
    }
    let prefs = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    prefs
        .iter()
        .find_map(|t| Lang::from_tag(t))
        .unwrap_or(Lang::En)
}

/// Makes sure `l`'s catalog is loaded: no catalog is built into the wasm (8 KB gzip each); they are fetched once
/// from `/locales/<tag>.ftl` (static files of this site). On failure the UI falls back to English.
pub async fn ensure_loaded(l: Lang) {
    if Catalog::available(l) {
        return;
    }
    let url = format!("/locales/{}.ftl", l.tag());
    if let Ok(resp) = gloo::net::http::Request::get(&url).send().await {
        if resp.ok() {
            if let Ok(text) = resp.text().await {
                Catalog::install(l, &text);
            }
        }
    }
}

/// Switches the language: remembered, and set on `<html lang>` for fonts and line breaking.
pub fn set_lang(l: Lang, remember: bool) {
    CURRENT.with(|c| c.set(l));
    if remember {
        let _ = LocalStorage::set(STORAGE_KEY, l.tag());
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", l.tag());
    }
}

/// The UI text for `id`.
pub fn t(id: &str) -> String {
    catalog().render(id, &[])
}

/// The UI text for `id` with named arguments.
pub fn tr(id: &str, args: &[(&'static str, String)]) -> String {
    catalog().render(id, args)
}

/// The catalog in use.
pub fn catalog() -> Catalog {
    Catalog::get(lang())
}
