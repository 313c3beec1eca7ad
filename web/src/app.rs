//! The shell: a skip link, the header with navigation, the routed page (titled, focused after a navigation), and
//! the footer that says, per page, whether what you give it leaves the browser.

use crate::i18n::t;
use crate::pages::{
    check::CheckPage, generate::GeneratePage, home::HomePage, reports::ReportsPage,
    stored::StoredPage, validate::ValidatePage,
};
use mtasts_core::i18n::Lang;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Routes that can be bookmarked and shared.
#[derive(Clone, Routable, PartialEq, Eq, Debug)]
pub enum Route {
    /// The landing page: your domain, and the three ways in.
    #[at("/")]
    Home,
    /// The validator.
    #[at("/validate")]
    Validate,
    /// The generator.
    #[at("/generate")]
    Generate,
    /// The drag-and-drop report viewer.
    #[at("/reports")]
    Reports,
    /// The live check of a domain (through the worker's `/api/check`).
    #[at("/check")]
    Check,
    /// Reports stored by the worker.
    #[at("/stored")]
    Stored,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The catalog key of the page's heading, which is also its `<title>`.
    fn title_key(&self) -> &'static str {
        match self {
            Route::Home => "ui--home-title",
            Route::Validate => "ui--validate-title",
            Route::Generate => "ui--generate-title",
            Route::Reports => "ui--reports-title",
            Route::Check => "ui--check-title",
            Route::Stored => "ui--stored-title",
            Route::NotFound => "ui--not-found",
        }
    }
}

thread_local! {
    /// False until the first page has rendered: the page the browser opened keeps the browser's own focus.
    static NAVIGATED: Cell<bool> = const { Cell::new(false) };
}

/// Names the page in the tab (`<title>`), and after a navigation inside the app moves the focus to the new
/// page's heading, so a screen reader announces where it is and the keyboard starts there (not on the nav link).
#[hook]
fn use_page_title(route: &Route) {
    use_effect_with(route.clone(), |route| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        doc.set_title(&format!("{} — mtasts", t(route.title_key())));
        if NAVIGATED.with(|n| n.replace(true)) {
            if let Some(h1) = doc
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h1.set_attribute("tabindex", "-1");
                let _ = h1.focus();
            }
        }
    });
}

#[derive(Properties, PartialEq)]
struct PageProps {
    route: Route,
}

/// One routed page, titled.
#[function_component(Page)]
fn page(p: &PageProps) -> Html {
    use_page_title(&p.route);
    match p.route {
        Route::Home => html! { <HomePage /> },
        Route::Validate => html! { <ValidatePage /> },
        Route::Generate => html! { <GeneratePage /> },
        Route::Reports => html! { <ReportsPage /> },
        Route::Check => html! { <CheckPage /> },
        Route::Stored => html! { <StoredPage /> },
        Route::NotFound => {
            html! { <section class="page"><h1>{ t("ui--not-found") }</h1></section> }
        }
    }
}

fn switch(route: Route) -> Html {
    html! { <Page {route} /> }
}

#[function_component(Nav)]
fn nav() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::Home);
    let item = |r: Route, id: &str, label: &str| {
        let current = if route == r { Some("page") } else { None };
        html! { <li><Link<Route> to={r} classes={classes!("nav-link")}><span id={id.to_owned()} aria-current={current}>{ t(label) }</span></Link<Route>></li> }
    };
    html! {
        <nav aria-label={t("ui--nav-label")}>
            <ul>
                { item(Route::Validate, "nav-validate", "ui--nav-validate") }
                { item(Route::Generate, "nav-generate", "ui--nav-generate") }
                { item(Route::Check, "nav-check", "ui--nav-check") }
                { item(Route::Reports, "nav-reports", "ui--nav-reports") }
                { item(Route::Stored, "nav-stored", "ui--nav-stored") }
            </ul>
        </nav>
    }
}

/// The application root, first rendered in the language [`crate::run`] loaded. Changing the language re-mounts the
/// tree (keyed by the language), so every text is rendered again from the new catalog; pages restore their input
/// from the URL.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(crate::i18n::lang);
    let switch_to = {
        let lang = lang.clone();
        Callback::from(move |(l, remember): (Lang, bool)| {
            let lang = lang.clone();
            wasm_bindgen_futures::spawn_local(async move {
                crate::i18n::ensure_loaded(l).await;
                crate::i18n::set_lang(l, remember);
                lang.set(l);
            });
        })
    };
    let onchange = Callback::from(move |e: Event| {
        let tag = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        switch_to.emit((Lang::from_tag(&tag).unwrap_or(Lang::En), true));
    });
    // the skip link moves the focus itself: following `#main` would replace the validator's permalink fragment
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    });
    html! {
        <BrowserRouter>
            <div key={lang.tag()} class="app">
            <a class="skip-link" href="#main" onclick={skip}>{ t("ui--skip") }</a>
            <header class="top">
                <a class="brand" href="/"><span class="logo" aria-hidden="true">{ "◆" }</span>{ "mtasts" }</a>
                <Nav />
                <label class="lang-switch">
                    <span class="visually-hidden">{ t("ui--language") }</span>
                    <select id="lang-select" aria-label={t("ui--language")} {onchange}>
                        { for Lang::ALL.iter().map(|l| html! { <option value={l.tag()} lang={l.tag()} selected={*lang == *l}>{ l.native_name() }</option> }) }
                    </select>
                </label>
            </header>
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer class="foot">
                // which of the two is true depends on the page (CSS `:has()`): the check and the stored reports
                // ask this site's server, the other pages never send what you give them
                <p class="local">{ t("ui--privacy") }</p>
                <p class="server">{ t("ui--privacy-server") }</p>
                <p>{ t("ui--footer-rfcs") }</p>
            </footer>
            </div>
        </BrowserRouter>
    }
}
