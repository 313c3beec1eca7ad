//! mtasts-web: the Yew app. Every rule comes from `mtasts-core`, compiled into this wasm; nothing the user pastes
//! or drops leaves the browser (the only network calls are to this site's own admin API, on the Stored page).

pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod util;

/// Mounts the app on `<body>`.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
