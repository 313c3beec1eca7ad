//! mtasts-web: the Yew app. Every rule comes from `mtasts-core`, compiled into this wasm; nothing the user pastes
//! or drops leaves the browser (the only network calls are to this site's own API: the live check of a domain the
//! user asks for, and the admin API on the Stored page).

pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod util;

/// Loads the catalogs of the reader's language (and English, the fallback; `index.html` preloads it while the
/// wasm downloads), then mounts the app on `<body>`, so the first render is already in the right language.
pub fn run() {
    wasm_bindgen_futures::spawn_local(async {
        let l = i18n::detect();
        futures_util::future::join(
            i18n::ensure_loaded(mtasts_core::i18n::Lang::En),
            i18n::ensure_loaded(l),
        )
        .await;
        let l = if mtasts_core::i18n::Catalog::available(l) {
            l
        } else {
            mtasts_core::i18n::Lang::En
        };
        i18n::set_lang(l, false);
        yew::Renderer::<app::App>::new().render();
    });
}
