//! mtasts-web: the Yew app. Every rule comes from `mtasts-core`, compiled into this wasm; nothing the user pastes
//! or drops leaves the browser (the only network calls are to this site's own admin API, on the Stored page).

mod app;
mod components;
mod i18n;
mod pages;
mod util;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
