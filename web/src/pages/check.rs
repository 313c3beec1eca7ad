//! Check a domain: asks the worker's `GET /api/check` (public DNS over HTTPS and the policy fetch, RFC 8461
//! §3.3, judged there by core's `check::judge`) in the reader's language, and shows the verdict, the next step,
//! the findings (with the validator's diagnostics component), the policy as fetched and the raw answers. Links to
//! the generator pre-filled with the live MX set and report addresses. `?domain=` makes a check shareable; a
//! language switch re-runs it. (Judging here instead would add ~24 KB gzip of wasm: the answer is rendered.)

use crate::components::diagnostics::{rich, RenderedDiagnosticList};
use crate::i18n::{t, tr};
use crate::util;
use mtasts_core::generate::domain_from_field;
use mtasts_core::record;
use serde_json::Value;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Running(String),
    Done(Rc<Value>),
    Failed(String),
}

/// Asks the worker; errors come back as a localized sentence.
async fn run_check(domain: String) -> State {
    let url = format!(
        "/api/check?domain={}&lang={}",
        util::encode(&domain),
        crate::i18n::lang().tag()
    );
    let failed = |reason: String| State::Failed(tr("ui--check-error", &[("reason", reason)]));
    let resp = match gloo::net::http::Request::get(&url).send().await {
        Ok(r) => r,
        Err(e) => return failed(e.to_string()),
    };
    let status = resp.status();
    let body = match resp.json::<Value>().await {
        Ok(v) => v,
        Err(e) => return failed(format!("HTTP {status}: {e}")),
    };
    if status == 200 && body["status"].is_string() {
        return State::Done(Rc::new(body));
    }
    match body["error"]["code"].as_str().unwrap_or_default() {
        "check/rate-limited" => State::Failed(t("ui--check-rate-limited")),
        "check/bad-domain" | "check/missing-domain" => State::Failed(t("ui--check-bad-domain")),
        code => failed(format!("HTTP {status} {code}")),
    }
}

/// The strings of a `Records` DNS answer (`{"records": [...]}`), if it is one.
fn records(dns: &Value) -> Vec<String> {
    dns["records"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The generator link: the domain, its live MX hosts and report addresses.
fn generator_link(domain: &str, facts: &Value) -> String {
    let mut q = format!("/generate?domain={}", util::encode(domain));
    for h in records(&facts["mx"]) {
        q.push_str(&format!("&mx={}", util::encode(&h)));
    }
    let tlsrpt = records(&facts["tlsrpt_txt"]).join("\n");
    if let Some(r) = record::tlsrpt::lint(&tlsrpt).record {
        for u in &r.rua {
            q.push_str(&format!("&rua={}", util::encode(u.as_str())));
        }
    }
    q
}

/// A DNS answer as text: the records, NXDOMAIN, or why the query failed.
fn dns_text(dns: &Value) -> String {
    if let Some(e) = dns["failed"].as_str() {
        return e.to_owned();
    }
    if dns.as_str() == Some("no-such-name") {
        return "NXDOMAIN".into();
    }
    let r = records(dns);
    if r.is_empty() {
        t("ui--check-none")
    } else {
        r.join("\n")
    }
}

/// The policy fetch as text: status line and headers, or why it failed.
fn http_text(fetch: &Value) -> String {
    let r = &fetch["response"];
    if r.is_object() {
        let mut s = format!("HTTP {}", r["status"].as_u64().unwrap_or(0));
        for (name, key) in [("Content-Type", "content_type"), ("Location", "location")] {
            if let Some(v) = r[key].as_str() {
                s.push_str(&format!("\n{name}: {v}"));
            }
        }
        return s;
    }
    if let Some(secs) = fetch["timeout"]["seconds"].as_u64() {
        return format!("timeout ({secs} s)");
    }
    ["tls", "unreachable"]
        .iter()
        .find_map(|k| fetch[*k]["reason"].as_str())
        .map_or_else(|| t("ui--check-none"), str::to_owned)
}

/// The answer: a plain function, not a component (a component costs ~1.5 KB gzip of wasm).
fn check_result(a: &Value) -> Html {
    let f = &a["facts"];
    let domain = a["domain"].as_str().unwrap_or_default();
    let status = a["status"].as_str().unwrap_or_default().to_owned();
    let cls = match status.as_str() {
        "working" => "good",
        "broken" => "bad",
        _ => "warn",
    };
    // the answer keeps them apart: findings about DNS and HTTP, and findings in the fetched policy
    let list = |k: &str| a[k].as_array().cloned().unwrap_or_default();
    let (about_policy, about_dns): (Vec<Value>, Vec<Value>) =
        (list("policy_diagnostics"), list("diagnostics"));
    let coverage = a["coverage"]["hosts"].as_array();
    let mx_rows: Vec<(String, Option<String>)> = match coverage {
        Some(hosts) => hosts
            .iter()
            .map(|h| {
                let host = h["host"].as_str().unwrap_or_default().to_owned();
                (host, h["pattern"].as_str().map(str::to_owned))
            })
            .collect(),
        None => records(&f["mx"]).into_iter().map(|h| (h, None)).collect(),
    };
    let have_coverage = coverage.is_some();
    let policy_text = f["policy"]["response"]["body"].as_str().map(str::to_owned);
    let text = |k: &str| {
        a[k].as_str()
            .map_or_else(|| t("ui--check-none"), str::to_owned)
    };
    let facts_rows = [
        ("ui--check-sts-id", "check-sts-id", text("sts_id")),
        (
            "ui--check-policy-hash",
            "check-policy-hash",
            text("policy_hash"),
        ),
    ];
    let raw_rows = [
        (format!("_mta-sts.{domain} TXT"), dns_text(&f["sts_txt"])),
        (
            format!("_smtp._tls.{domain} TXT"),
            dns_text(&f["tlsrpt_txt"]),
        ),
        (format!("{domain} MX"), dns_text(&f["mx"])),
        (
            format!("https://mta-sts.{domain}/.well-known/mta-sts.txt"),
            http_text(&f["policy"]),
        ),
    ];
    html! {
        <div id="check-result" data-status={status.clone()}>
            <div class={classes!("verdict", cls)} id="check-status" role="status">
                <strong>{ text("summary") }</strong>
            </div>
            <p class="next" id="check-next">{ rich(&text("next")) }</p>
            <table class="data facts">
                <tbody>
                    { for facts_rows.into_iter().map(|(label, id, value)| html! {
                        <tr><th scope="row">{ rich(&t(label)) }</th><td class="mono" id={id}>{ value }</td></tr>
                    }) }
                    <tr><th scope="row">{ t("ui--check-mx") }</th><td><ul class="plain" id="check-mx">
                        { for mx_rows.into_iter().map(|(host, pattern)| html! {
                            <li><code>{ host }</code>{ " " }
                            { match (pattern, have_coverage) {
                                (Some(pat), _) => html! { <span class="muted">{ rich(&tr("ui--check-covered-by", &[("pattern", pat)])) }</span> },
                                (None, true) => html! { <span class="bad-text">{ t("ui--check-not-covered") }</span> },
                                (None, false) => html! {},
                            } }</li>
                        }) }
                    </ul></td></tr>
                </tbody>
            </table>
            // the generator pre-filled with the live MX set only when there is one: an answer without MX hosts
            // (or a check that could not run) has nothing to pre-fill
            { if status != "could-not-check" && !records(&f["mx"]).is_empty() { html! {
                <p><a class="btn" id="check-open-generator" href={generator_link(domain, f)}>{ t("ui--check-open-generator") }</a></p>
            } } else { html! {} } }
            <h2>{ t("ui--check-findings") }</h2>
            <RenderedDiagnosticList id="check-findings" diagnostics={about_dns} />
            { for policy_text.map(|text| html! {
                <>
                <h2>{ t("ui--check-policy") }</h2>
                <pre class="code" id="check-policy">{ text }</pre>
                <RenderedDiagnosticList id="check-policy-findings" diagnostics={about_policy.clone()} />
                </>
            }) }
            <details id="check-raw">
                <summary>{ t("ui--check-raw") }</summary>
                <table class="data"><tbody>
                    { for raw_rows.into_iter().map(|(name, text)| html! {
                        <tr><th scope="row"><code>{ name }</code></th><td><pre class="code">{ text }</pre></td></tr>
                    }) }
                </tbody></table>
            </details>
        </div>
    }
}

fn initial_domain() -> String {
    util::query()
        .into_iter()
        .find(|(k, _)| k == "domain")
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Puts the domain in the address bar, so the check can be shared or reloaded.
fn remember_in_url(domain: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let url = format!("/check?domain={}", util::encode(domain));
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// The "Check a domain" page.
#[function_component(CheckPage)]
pub fn check_page() -> Html {
    let domain = use_state(initial_domain);
    let state = use_state(|| State::Idle);
    let start = {
        let (domain, state) = (domain.clone(), state.clone());
        Callback::from(move |()| {
            let input = (*domain).clone();
            // a pasted URL or address is read for its domain, as the generator does
            match domain_from_field(&input) {
                Err(_) => state.set(State::Failed(t("ui--check-bad-domain"))),
                Ok(d) => {
                    remember_in_url(&d);
                    state.set(State::Running(d.clone()));
                    let state = state.clone();
                    wasm_bindgen_futures::spawn_local(async move { state.set(run_check(d).await) });
                }
            }
        })
    };
    {
        let start = start.clone();
        use_effect_with((), move |_| {
            if !initial_domain().is_empty() {
                start.emit(());
            }
        });
    }
    let oninput = {
        let domain = domain.clone();
        Callback::from(move |e: InputEvent| {
            domain.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        start.emit(());
    });
    let running = matches!(*state, State::Running(_));
    html! {
        <section class="page check">
            <h1>{ t("ui--check-title") }</h1>
            <p class="lead">{ t("ui--check-lead") }</p>
            <form class="form row" {onsubmit}>
                <div class="field grow"><label for="check-domain">{ t("ui--check-domain") }</label>
                    <input id="check-domain" class="input" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                        placeholder="example.com" value={(*domain).clone()} {oninput} /></div>
                <div class="field"><span class="label">{ "\u{a0}" }</span>
                    <button class="btn" type="submit" id="check-run" disabled={running}>{ t("ui--check-run") }</button></div>
            </form>
            <p class="muted small">{ t("ui--check-privacy") }</p>
            { match &*state {
                State::Idle => html! {},
                State::Running(d) => html! { <p class="muted" role="status" id="check-running">{ tr("ui--check-running", &[("domain", d.clone())]) }</p> },
                State::Failed(m) => html! { <p class="error-box" role="alert" id="check-error">{ m.clone() }</p> },
                State::Done(a) => check_result(a),
            } }
        </section>
    }
}
