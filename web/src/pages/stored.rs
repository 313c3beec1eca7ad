//! Stored reports: the same dashboard, fed by the worker's `GET /api/summary` (admin token kept in session
//! storage only, sent only to this site's own origin), and the reports themselves one page of
//! [`PAGE`] at a time from `GET /api/reports` (newest first, by its cursor), so thousands stored never mean
//! thousands drawn.

use crate::components::dashboard::Dashboard;
use crate::components::diagnostics::rich;
use crate::components::table::{Cell, SortTable};
use crate::i18n::{t, tr};
use gloo::net::http::Request;
use gloo::storage::{SessionStorage, Storage};
use mtasts_core::output::js_count;
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

/// Reports per page of the list.
const PAGE: usize = 50;

/// The filters of one load, as the API takes them.
#[derive(Clone, PartialEq)]
struct Ask {
    token: String,
    domain: String,
    from: String,
    to: String,
}

/// GETs `path` + the filters (+ `extra`) with the token; the body as `T`, or the refusal as one line.
async fn get<T: for<'de> Deserialize<'de>>(path: &str, a: &Ask, extra: &str) -> Result<T, String> {
    let url = format!(
        "{path}?domain={}&from={}&to={}{extra}",
        crate::util::encode(&a.domain),
        crate::util::encode(&a.from),
        crate::util::encode(&a.to)
    );
    let resp = Request::get(&url)
        .header("Authorization", &format!("Bearer {}", a.token))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if resp.ok() {
        return resp.json::<T>().await.map_err(|e| e.to_string());
    }
    let status = resp.status();
    Err(match resp.json::<ApiError>().await {
        Ok(e) => format!("{status} {}: {}", e.error.code, e.error.message),
        Err(_) => format!("HTTP {status}"),
    })
}

async fn fetch_summary(a: Ask) -> Status {
    match get::<SummaryResponse>("/api/summary", &a, "").await {
        Ok(s) => Status::Loaded(Rc::new(s.summary), s.listed, Rc::new(s.arrivals)),
        Err(m) => Status::Failed(m),
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
    // the filters of the summary on screen: the report list pages through the same
    let asked_for = use_state(|| None::<Ask>);
    let input = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = {
        let (token, domain, from, to, status, asked_for) = (
            token.clone(),
            domain.clone(),
            from.clone(),
            to.clone(),
            status.clone(),
            asked_for.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let _ = SessionStorage::set(TOKEN_KEY, (*token).clone());
            status.set(Status::Loading);
            let ask = Ask {
                token: (*token).clone(),
                domain: (*domain).clone(),
                from: (*from).clone(),
                to: (*to).clone(),
            };
            let st = status.clone();
            let asked = asked_for.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = fetch_summary(ask.clone()).await;
                asked.set(Some(ask));
                st.set(loaded);
            });
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
                    // keyed by the filters: other filters mount a new list, which starts at the newest page
                    { match &*asked_for { Some(a) => html! { <ReportPages key={[a.token.as_str(), &a.domain, &a.from, &a.to].join("\n")} ask={Rc::new(a.clone())} /> }, None => html! {} } }
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

/// Props of [`ReportPages`].
#[derive(Properties, PartialEq)]
struct ReportPagesProps {
    ask: Rc<Ask>,
}

/// One page of `/api/reports`: its rows, and the cursor of the next (older) page.
#[derive(Clone, PartialEq)]
enum Listing {
    Loading,
    Page(Rc<Vec<Vec<Cell>>>, Option<String>),
    Failed(String),
}

/// A `/api/reports` entry as table cells: day, organization, report id, policy domain, successful, failed.
fn report_cells(r: &serde_json::Value) -> Vec<Cell> {
    let text = |v: &serde_json::Value| Cell::Text(v.as_str().unwrap_or_default().to_owned());
    // counts past 2^53 − 1 come as strings: read either form
    let num = |v: &serde_json::Value| Cell::Num(js_count::from_value(v).unwrap_or(0));
    let m = &r["meta"];
    vec![
        text(&r["day"]),
        text(&m["org"]),
        text(&m["id"]),
        text(&r["domain"]),
        num(&m["s"]),
        num(&m["f"]),
    ]
}

/// The stored reports for the loaded filters, [`PAGE`] at a time, newest first, with older and newer pages: the
/// page never holds more than one page of rows, whatever is stored.
#[function_component(ReportPages)]
fn report_pages(p: &ReportPagesProps) -> Html {
    // the cursors of the pages before the one shown ("" is the first page), to go back to newer ones
    let trail = use_state(|| vec![String::new()]);
    let listing = use_state(|| Listing::Loading);
    // the number of the latest request: an answer to an older one (a page clicked past) is dropped,
    // so the rows shown are always those of the page named
    let latest = use_mut_ref(|| 0u32);
    {
        let (listing, latest) = (listing.clone(), latest.clone());
        use_effect_with((p.ask.clone(), (*trail).clone()), move |(ask, trail)| {
            let cursor = trail.last().cloned().unwrap_or_default();
            let ask = (**ask).clone();
            let asked = {
                let mut n = latest.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            listing.set(Listing::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let extra = format!("&limit={PAGE}&cursor={}", crate::util::encode(&cursor));
                let answer = get::<serde_json::Value>("/api/reports", &ask, &extra).await;
                if *latest.borrow() != asked {
                    return;
                }
                listing.set(match answer {
                    Ok(v) => Listing::Page(
                        Rc::new(
                            v["reports"]
                                .as_array()
                                .map(|a| a.iter().map(report_cells).collect())
                                .unwrap_or_default(),
                        ),
                        v["cursor"].as_str().map(str::to_owned),
                    ),
                    Err(m) => Listing::Failed(m),
                });
            });
        });
    }
    let newer = {
        let trail = trail.clone();
        Callback::from(move |_| {
            let mut t = (*trail).clone();
            t.pop();
            trail.set(t);
        })
    };
    let number = trail.len();
    let body = match &*listing {
        Listing::Loading => html! { <p class="muted" role="status">{ t("ui--loading") }</p> },
        Listing::Failed(m) => html! { <p class="error-box" role="alert">{ m.clone() }</p> },
        Listing::Page(rows, next) => {
            let older = next.clone().map(|c| {
                let trail = trail.clone();
                Callback::from(move |_| {
                    let mut t = (*trail).clone();
                    t.push(c.clone());
                    trail.set(t);
                })
            });
            let headers = [
                "ui--col-day",
                "ui--col-organization",
                "ui--col-report-id",
                "ui--col-domain",
                "ui--col-successful",
                "ui--col-failed",
            ]
            .iter()
            .map(|k| t(k))
            .collect::<Vec<_>>();
            html! {
                <>
                <SortTable id="stored-reports-table" {headers} rows={(**rows).clone()} initial={(0, true)} top={PAGE} limit={PAGE} />
                <p class="row pager">
                    <button class="btn ghost" type="button" id="stored-newer" disabled={number == 1} onclick={newer}>{ t("ui--page-newer") }</button>
                    <span class="muted" id="stored-page">{ tr("ui--page-number", &[("n", number.to_string())]) }</span>
                    <button class="btn ghost" type="button" id="stored-older" disabled={older.is_none()} onclick={older.unwrap_or_default()}>{ t("ui--page-older") }</button>
                </p>
                </>
            }
        }
    };
    html! {
        <section class="stored-list" id="stored-list">
            <h2>{ t("ui--stored-list") }</h2>
            { body }
        </section>
    }
}
