//! The landing page: what this is for, one box for "your domain" (the live check), and the three ways in that
//! the Workspace guide's steps need: check a domain, set it up (the generator), read its reports; the validator
//! one click away. The same page is written as static HTML by `scripts/shells.py`, so its form and links work
//! before the wasm has loaded.

use crate::app::Route;
use crate::i18n::t;
use crate::util;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

/// One way in: a link with its title and what it does.
fn start(id: &str, to: Route, title: &str, text: &str) -> Html {
    html! {
        <li><Link<Route> {to} classes={classes!("start")}>
            <strong id={id.to_owned()}>{ t(title) }</strong><span>{ t(text) }</span>
        </Link<Route>></li>
    }
}

/// The home page (`/`). An old validator permalink (`/#text=…`, before the validator moved to `/validate`) is
/// sent on to the validator with its fragment.
#[function_component(HomePage)]
pub fn home_page() -> Html {
    use_effect_with((), |_| {
        let frag = util::fragment();
        if frag.starts_with("text=") {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&format!("/validate#{frag}"));
            }
        }
    });
    let navigator = use_navigator();
    let input = use_node_ref();
    let onsubmit = {
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            let (Some(nav), Some(el)) = (navigator.clone(), input.cast::<HtmlInputElement>())
            else {
                return; // the browser submits the form itself
            };
            e.prevent_default();
            let _ = nav.push_with_query(&Route::Check, &[("domain", el.value())]);
        })
    };
    html! {
        <section class="page home">
            <h1>{ t("ui--home-title") }</h1>
            <p class="lead">{ t("ui--home-lead") }</p>
            // a plain GET form: it works from the static shell too, before the app has loaded
            <form class="form row domain-box" action="/check" method="get" {onsubmit}>
                <div class="field grow"><label for="home-domain">{ t("ui--home-domain") }</label>
                    <input id="home-domain" name="domain" class="input" type="text" inputmode="url" autocomplete="off"
                        spellcheck="false" placeholder="example.com" required=true ref={input} /></div>
                <div class="field"><span class="label">{ "\u{a0}" }</span>
                    <button class="btn" type="submit" id="home-check">{ t("ui--check-run") }</button></div>
            </form>
            <ul class="starts">
                { start("start-check", Route::Check, "ui--home-check", "ui--home-check-text") }
                { start("start-generate", Route::Generate, "ui--home-generate", "ui--home-generate-text") }
                { start("start-reports", Route::Reports, "ui--home-reports", "ui--home-reports-text") }
            </ul>
            <p class="muted">{ t("ui--home-validate-text") }{ " " }
                <Link<Route> to={Route::Validate}><span id="start-validate">{ t("ui--home-validate") }</span></Link<Route>></p>
        </section>
    }
}
