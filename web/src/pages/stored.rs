//! Stored reports: the same dashboard, fed by the worker's `GET /api/summary` (admin token kept in session
//! storage only, sent only to this site's own origin).

use crate::components::dashboard::Dashboard;
use crate::components::diagnostics::rich;
use crate::i18n::{t, tr};
use gloo::net::http::Request;
use gloo::storage::{SessionStorage, Storage};
use mtasts_core::report::Summary;
use serde::Deserialize;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const TOKEN_KEY: &str = "mtasts-admin-token";

#[derive(Deserialize)]
struct SummaryResponse {
    summary: Summary,
    listed: usize,
    /// How the stored reports arrived (`/api/summary`'s `arrivals`: per transport, the newest with sender and
    /// DKIM verdict), read as JSON values: the check page already links that deserializer (wasm budget).
    #[serde(default)]
    arrivals: serde_json::Value,
}

#[derive(Deserialize)]
struct ApiError {
    error: ApiErrorBody,
}

#[derive(Deserialize)]
struct ApiErrorBody {
    code: String,
    message: String,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading,
    Loaded(Rc<Summary>, usize, Rc<serde_json::Value>),
    Failed(String),
}

async fn fetch_summary(token: String, domain: String, from: String, to: String) -> Status {
    let url = format!(
        "/api/summary?domain={}&from={}&to={}",
        crate::util::encode(&domain),
        crate::util::encode(&from),
        crate::util::encode(&to)
    );
    let resp = match Request::get(&url)
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
    {
        Ok(r) => r,
        Err(e) => return Status::Failed(e.to_string()),
    };
    if resp.ok() {
        match resp.json::<SummaryResponse>().await {
            Ok(s) => Status::Loaded(Rc::new(s.summary), s.listed, Rc::new(s.arrivals)),
            Err(e) => Status::Failed(e.to_string()),
        }
    } else {
        let status = resp.status();
        match resp.json::<ApiError>().await {
            Ok(e) => Status::Failed(format!("{status} {}: {}", e.error.code, e.error.message)),
            Err(_) => Status::Failed(format!("HTTP {status}")),
        }
    }
}

/// The stored-reports page.
#[function_component(StoredPage)]
pub fn stored_page() -> Html {
    let token = use_state(|| SessionStorage::get::<String>(TOKEN_KEY).unwrap_or_default());
    // `?domain=&from=&to=` fills the filters (the watch page links each notice to its day's reports)
    let asked = |k: &'static str| {
        move || {
            crate::util::query()
                .into_iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v)
                .unwrap_or_default()
        }
    };
    let domain = use_state(asked("domain"));
    let from = use_state(asked("from"));
    let to = use_state(asked("to"));
    let status = use_state(|| Status::Idle);
    let input = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = {
        let (token, domain, from, to, status) = (
            token.clone(),
            domain.clone(),
            from.clone(),
            to.clone(),
            status.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let _ = SessionStorage::set(TOKEN_KEY, (*token).clone());
            status.set(Status::Loading);
            let (tk, d, f, t, st) = (
                (*token).clone(),
                (*domain).clone(),
                (*from).clone(),
                (*to).clone(),
                status.clone(),
            );
            wasm_bindgen_futures::spawn_local(
                async move { st.set(fetch_summary(tk, d, f, t).await) },
            );
        })
    };
    let forget = {
        let token = token.clone();
        Callback::from(move |_| {
            SessionStorage::delete(TOKEN_KEY);
            token.set(String::new());
        })
    };
    html! {
        <section class="page stored">
            <h1>{ t("ui--stored-title") }</h1>
            <p class="lead">{ t("ui--stored-lead") }{ " " }<a href="/watch" id="stored-watch">{ t("ui--watch-link") }</a></p>
            <form class="form row" {onsubmit}>
                <div class="field"><label for="stored-token">{ t("ui--token") }</label>
                    <input id="stored-token" class="input" type="password" autocomplete="off" value={(*token).clone()} oninput={input(&token)} /></div>
                <div class="field"><label for="stored-domain">{ t("ui--filter-domain") }</label>
                    <input id="stored-domain" class="input" type="text" placeholder="example.com" value={(*domain).clone()} oninput={input(&domain)} /></div>
                <div class="field"><label for="stored-from">{ t("ui--filter-from") }</label>
                    <input id="stored-from" class="input" type="date" value={(*from).clone()} oninput={input(&from)} /></div>
                <div class="field"><label for="stored-to">{ t("ui--filter-to") }</label>
                    <input id="stored-to" class="input" type="date" value={(*to).clone()} oninput={input(&to)} /></div>
                <div class="field"><span class="label">{ "\u{a0}" }</span><button class="btn" type="submit" id="stored-load">{ t("ui--load") }</button></div>
                <div class="field"><span class="label">{ "\u{a0}" }</span><button class="btn ghost" type="button" onclick={forget}>{ t("ui--forget-token") }</button></div>
            </form>
            { match &*status {
                Status::Idle => html! {},
                Status::Loading => html! { <p class="muted" role="status">{ t("ui--loading") }</p> },
                Status::Failed(m) => html! { <p class="error-box" role="alert" id="stored-error">{ m.clone() }</p> },
                // nothing stored (for these filters): say how reports get here instead of an empty dashboard
                Status::Loaded(_, 0, _) => html! {
                    <div class="empty-state" id="stored-empty">
                        <p><strong>{ t("ui--stored-empty") }</strong></p>
                        <p>{ rich(&t("ui--stored-empty-how")) }{ " " }<a href="/generate">{ t("ui--nav-generate") }</a></p>
                    </div>
                },
                Status::Loaded(s, n, arrivals) => html! {
                    <>
                    <p class="muted">{ tr("ui--stored-listed", &[("count", n.to_string())]) }</p>
                    { arrivals_view(arrivals) }
                    <Dashboard summary={s.clone()} />
                    { if s.more.failures.count > 0 { html! {
                        <p class="muted" id="stored-more">
                            { tr("ui--more-rows", &[("count", s.more.failures.count.to_string()), ("failed", s.more.failures.failed.to_string())]) }
                        </p>
                    } } else { html! {} } }
                    </>
                },
            } }
        </section>
    }
}

/// How the reports arrived: a line of counts per transport, and the newest reports with sender and DKIM.
fn arrivals_view(a: &serde_json::Value) -> Html {
    let text = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let recent = a["recent"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    if recent.is_empty() {
        return html! {};
    }
    let counts: Vec<String> = a["via"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, n)| format!("{k}: {}", n.as_u64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default();
    // one line per report (organization, report id, transport, envelope sender, DKIM verdict): a table here
    // would cost the web app's wasm budget more than it says
    html! {
        <section class="arrivals" id="stored-arrivals">
            <h2>{ t("ui--arrivals") }</h2>
            <p class="muted">{ counts.join(" · ") }</p>
            <ul class="mono">{ for recent.iter().map(|r| html! {
                <li data-via={text(r, "via")}>{ [text(r, "organization"), text(r, "report_id"), text(r, "via"), text(r, "from"), text(r, "dkim")].join(" · ") }</li>
            }) }</ul>
        </section>
    }
}
