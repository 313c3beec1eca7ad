//! Validate: paste a policy, a TXT record (bare, zone-file or `dig` output) or a report; the kind is detected,
//! diagnostics update as you type, the offending lines are highlighted, and a permalink carries the input in the
//! URL fragment (never sent to a server).

use crate::components::diagnostics::{rich, DiagnosticList, Verdict};
use crate::i18n::{t, tr};
use crate::util;
use gloo::timers::callback::Timeout;
use mtasts_core::detect::{detect, InputKind};
use mtasts_core::diag::{Diagnostic, LineIndex, Severity};
use mtasts_core::policy::mx::Coverage;
use mtasts_core::{policy, record, report};
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What checking the input gave.
#[derive(PartialEq)]
struct Outcome {
    kind: Option<InputKind>,
    diagnostics: Vec<Diagnostic>,
    /// Findings about a host typed in the MX box (`mx/not-covered*`), with spans into that box's text: they are
    /// about what was typed there, not about a line of the policy.
    mx_findings: Vec<Diagnostic>,
    coverage: Option<Coverage>,
    /// What a sender reads from a valid policy or record: (field, value, what it does).
    read: Vec<(String, String, String)>,
    report: Option<(String, String, u64, u64)>,
    spans_apply: bool,
}

fn check(text: &str, kind: Option<InputKind>, mx: &str) -> Outcome {
    let kind = kind.or_else(|| detect(text));
    let mut out = Outcome {
        kind,
        diagnostics: Vec::new(),
        mx_findings: Vec::new(),
        coverage: None,
        read: Vec::new(),
        report: None,
        spans_apply: true,
    };
    match kind {
        None => {}
        Some(InputKind::Policy) => {
            let hosts: Vec<&str> = mx
                .split(['\n', ',', ' '])
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .collect();
            let (lint, cov) = policy::lint_with_mx(text, &hosts);
            out.read = lint.policy.as_ref().map(policy_read).unwrap_or_default();
            let (about_mx, about_policy): (Vec<Diagnostic>, Vec<Diagnostic>) =
                lint.diagnostics.into_iter().partition(|d| {
                    matches!(d.code.name(), "mx/not-covered" | "mx/not-covered-enforce")
                });
            out.diagnostics = about_policy;
            out.mx_findings = about_mx
                .into_iter()
                .map(|mut d| {
                    // the host's place in the MX box
                    if let Some((at, len)) = host_in_box(mx, d.get("host").unwrap_or_default()) {
                        d.span = mtasts_core::Span::new(at, at + len);
                    }
                    d
                })
                .collect();
            out.coverage = cov;
        }
        Some(InputKind::StsRecord) => {
            let lint = record::sts::lint(text);
            if let Some(r) = &lint.record {
                out.read
                    .push(("v".into(), "STSv1".into(), t("ui--read-v-sts")));
                out.read.push(("id".into(), r.id.clone(), t("ui--read-id")));
                out.read.extend(extensions(&r.extensions));
            }
            out.diagnostics = lint.diagnostics;
        }
        Some(InputKind::TlsrptRecord) => {
            let lint = record::tlsrpt::lint(text);
            if let Some(r) = &lint.record {
                out.read
                    .push(("v".into(), "TLSRPTv1".into(), t("ui--read-v-tlsrpt")));
                for (i, rua) in r.rua.iter().enumerate() {
                    let (key, uri) = match rua {
                        record::tlsrpt::Rua::Mailto(u) => ("ui--read-mailto", u),
                        record::tlsrpt::Rua::Https(u) => ("ui--read-https", u),
                    };
                    let what = tr(key, &[("n", (i + 1).to_string())]);
                    out.read.push(("rua".into(), uri.clone(), what));
                }
                out.read.extend(extensions(&r.extensions));
            }
            out.diagnostics = lint.diagnostics;
        }
        Some(InputKind::Report) => {
            out.spans_apply = false;
            match report::load(text.as_bytes(), report::Limits::default()) {
                Ok(loaded) => {
                    if let Some(l) = loaded.into_iter().next() {
                        let r = &l.report;
                        out.report = Some((
                            r.organization().to_owned(),
                            r.id().to_owned(),
                            r.successful(),
                            r.failed(),
                        ));
                        out.diagnostics = l.warnings;
                    }
                }
                Err(d) => out.diagnostics = vec![d],
            }
        }
    }
    out
}

/// Where `host` is in the MX box's text, split as [`check`] splits it: a whole entry (not `a.example.com` inside
/// `mxa.example.com`), compared as MX names compare (case, a trailing dot). Byte offset and length.
fn host_in_box(text: &str, host: &str) -> Option<(usize, usize)> {
    let want = host.trim_end_matches('.');
    let mut at = 0;
    for piece in text.split(['\n', ',', ' ']) {
        let entry = piece.trim();
        if !want.is_empty() && entry.trim_end_matches('.').eq_ignore_ascii_case(want) {
            return Some((at + piece.find(entry).unwrap_or(0), entry.len()));
        }
        at += piece.len() + 1; // the one-byte separator
    }
    None
}

/// What a sender does with each field of a valid policy (RFC 8461 §3.2, §5).
fn policy_read(p: &policy::Policy) -> Vec<(String, String, String)> {
    let mut rows = vec![(
        "mode".to_owned(),
        p.mode.as_str().to_owned(),
        t(match p.mode {
            policy::Mode::Enforce => "ui--read-mode-enforce",
            policy::Mode::Testing => "ui--read-mode-testing",
            policy::Mode::None => "ui--read-mode-none",
        }),
    )];
    rows.push((
        "max_age".to_owned(),
        p.max_age.to_string(),
        tr(
            "ui--read-max-age",
            &[("days", format!("{:.1}", p.max_age as f64 / 86_400.0))],
        ),
    ));
    for m in &p.mx {
        let key = if m.is_wildcard() {
            "ui--read-mx-wildcard"
        } else {
            "ui--read-mx"
        };
        rows.push(("mx".to_owned(), m.pattern().to_owned(), t(key)));
    }
    rows.extend(extensions(&p.extensions));
    rows
}

fn extensions(ext: &[(String, String)]) -> Vec<(String, String, String)> {
    ext.iter()
        .map(|(k, v)| (k.clone(), v.clone(), t("ui--read-extension")))
        .collect()
}

/// The breakdown of what was read: each field, its value, what a sender does with it.
fn read_table(rows: &[(String, String, String)]) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <table class="data read" id="read-breakdown">
            <caption>{ t("ui--read-title") }</caption>
            <thead><tr><th>{ t("ui--read-field") }</th><th>{ t("ui--read-value") }</th><th>{ t("ui--read-meaning") }</th></tr></thead>
            <tbody>
            { for rows.iter().map(|(k, v, m)| html! {
                <tr><td data-label={t("ui--read-field")}><code>{ k.clone() }</code></td><td data-label={t("ui--read-value")} class="mono">{ v.clone() }</td><td data-label={t("ui--read-meaning")}>{ rich(m) }</td></tr>
            }) }
            </tbody>
        </table>
    }
}

fn kind_label(k: InputKind) -> String {
    t(match k {
        InputKind::Policy => "ui--kind-policy",
        InputKind::StsRecord => "ui--kind-sts-record",
        InputKind::TlsrptRecord => "ui--kind-tlsrpt-record",
        InputKind::Report => "ui--kind-report",
    })
}

fn initial() -> (String, Option<InputKind>, String) {
    let pairs = util::parse_pairs(&util::fragment());
    let get = |k: &str| pairs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
    (
        get("text").unwrap_or_default(),
        get("kind").and_then(|k| InputKind::parse(&k)),
        get("mx").unwrap_or_default(),
    )
}

/// Focuses a text area and selects a byte span of its text (a finding's place).
fn select_in(area: &NodeRef) -> Callback<(usize, usize)> {
    let area = area.clone();
    Callback::from(move |(s, e): (usize, usize)| {
        if let Some(el) = area.cast::<HtmlTextAreaElement>() {
            // selection offsets are UTF-16 code units
            let v = el.value();
            let to16 = |b: usize| {
                v.get(..b.min(v.len()))
                    .map_or(0, |p| p.encode_utf16().count()) as u32
            };
            let _ = el.focus();
            let _ = el.set_selection_range(to16(s), to16(e.max(s + 1)));
        }
    })
}

/// The validator page.
/// Keeps the input in the URL fragment (`#text=…&kind=…&mx=…`), so the page's address is a permalink to it.
#[hook]
fn use_permalink_fragment(text: String, kind: Option<InputKind>, mx: String) {
    use_effect_with((text, kind, mx), |(t, k, m)| {
        if t.is_empty() {
            util::set_fragment("");
        } else if t.len() < 6000 {
            let mut f = format!("text={}", util::encode(t));
            if let Some(k) = k {
                f.push_str(&format!("&kind={}", k.as_str()));
            }
            if !m.is_empty() {
                f.push_str(&format!("&mx={}", util::encode(m)));
            }
            util::set_fragment(&f);
        }
    });
}

#[function_component(ValidatePage)]
pub fn validate_page() -> Html {
    let init = use_memo((), |_| initial());
    let text = use_state(|| init.0.clone());
    let debounced = use_state(|| init.0.clone());
    let kind = use_state(|| init.1);
    let mx = use_state(|| init.2.clone());
    let area = use_node_ref();
    {
        let debounced = debounced.clone();
        use_effect_with((*text).clone(), move |t| {
            let t = t.clone();
            let timer = Timeout::new(120, move || debounced.set(t));
            move || drop(timer)
        });
    }
    let outcome = use_memo(((*debounced).clone(), *kind, (*mx).clone()), |(t, k, m)| {
        Rc::new(check(t, *k, m))
    });
    use_permalink_fragment((*debounced).clone(), *kind, (*mx).clone());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onkind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(InputKind::parse(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let onmx = {
        let mx = mx.clone();
        Callback::from(move |e: InputEvent| {
            mx.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_pick = select_in(&area);
    let mx_area = use_node_ref();
    let on_pick_mx = select_in(&mx_area);
    let permalink = Callback::from(|_| {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            util::copy(&href);
        }
    });
    let example = |k: InputKind, sample: &'static str| {
        let text = text.clone();
        let kind = kind.clone();
        let onclick = Callback::from(move |_| {
            kind.set(None);
            text.set(sample.to_owned());
        });
        html! { <button type="button" class="btn ghost small" {onclick}>{ kind_label(k) }</button> }
    };
    let detected = outcome.kind;
    let current = (*debounced).clone();
    html! {
        <section class="page validate">
            <h1>{ t("ui--validate-title") }</h1>
            <p class="lead">{ t("ui--validate-lead") }</p>
            <div class="toolbar">
                <label for="validate-kind">{ t("ui--kind") }</label>
                <select id="validate-kind" onchange={onkind}>
                    <option value="auto" selected={kind.is_none()}>{ match (kind.is_none(), detected) {
                        (true, Some(k)) => tr("ui--kind-auto-detected", &[("kind", kind_label(k))]),
                        _ => t("ui--kind-auto"),
                    } }</option>
                    { for InputKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={*kind == Some(*k)}>{ kind_label(*k) }</option> }) }
                </select>
                <span class="spacer"></span>
                <span class="muted">{ t("ui--examples") }</span>
                { example(InputKind::Policy, "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n") }
                { example(InputKind::StsRecord, "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20240101T000000\"") }
                { example(InputKind::TlsrptRecord, "v=TLSRPTv1; rua=mailto:tls-reports@example.com") }
            </div>
            <textarea id="validate-input" ref={area} class="input mono" rows="10" spellcheck="false" autocomplete="off"
                aria-label={t("ui--validate-input-label")} placeholder={t("ui--validate-placeholder")}
                value={(*text).clone()} {oninput} />
            { if detected == Some(InputKind::Policy) { html! {
                <div class="mx-box">
                    <label for="validate-mx">{ t("ui--mx-hosts") }</label>
                    <textarea id="validate-mx" ref={mx_area.clone()} class="input mono" rows="3" spellcheck="false" placeholder="mail.example.com" value={(*mx).clone()} oninput={onmx} />
                </div>
            } } else { html! {} } }
            { if current.trim().is_empty() { html! {} } else { results_view(&outcome, &current, &mx, on_pick, on_pick_mx, permalink) } }
        </section>
    }
}

/// The verdict, the report line or the MX coverage, the findings (each selects its span in the input) and the
/// input with its lines marked.
fn results_view(
    outcome: &Outcome,
    current: &str,
    mx_text: &str,
    on_pick: Callback<(usize, usize)>,
    on_pick_mx: Callback<(usize, usize)>,
    permalink: Callback<MouseEvent>,
) -> Html {
    let all: Vec<Diagnostic> = outcome
        .diagnostics
        .iter()
        .chain(&outcome.mx_findings)
        .cloned()
        .collect();
    html! {
        // only the verdict is a live region (role=status): the findings are read when the reader goes to them,
        // not announced on every key stroke
        <div class="results">
            <div class="result-head">
                <Verdict diagnostics={all} />
                <button type="button" class="btn small ghost" onclick={permalink}>{ t("ui--copy-permalink") }</button>
            </div>
            { for outcome.report.as_ref().map(|(org, id, ok, failed)| html! {
                <p class="report-line">{ tr("ui--report-line", &[("org", org.clone()), ("id", id.clone()), ("ok", ok.to_string()), ("failed", failed.to_string())]) }</p>
            }) }
            { read_table(&outcome.read) }
            { for outcome.coverage.as_ref().map(coverage_table) }
            <DiagnosticList id="mx-findings" diagnostics={outcome.mx_findings.clone()} text={AttrValue::from(mx_text.to_owned())}
                place={AttrValue::from(t("ui--mx-box"))} on_pick={on_pick_mx} />
            <DiagnosticList diagnostics={outcome.diagnostics.clone()} text={outcome.spans_apply.then(|| AttrValue::from(current.to_owned()))} on_pick={outcome.spans_apply.then_some(on_pick)} />
            { if outcome.spans_apply { source_view(current, &outcome.diagnostics) } else { html! {} } }
        </div>
    }
}

fn coverage_table(c: &Coverage) -> Html {
    html! {
        <table class="data coverage" id="mx-coverage">
            <caption>{ t("ui--coverage") }</caption>
            <thead><tr><th>{ t("ui--col-mx") }</th><th>{ t("ui--col-pattern") }</th></tr></thead>
            <tbody>
            { for c.hosts.iter().map(|h| html! {
                <tr class={if h.pattern.is_some() { "ok" } else { "bad" }}>
                    <td>{ h.host.clone() }</td>
                    <td>{ h.pattern.clone().unwrap_or_else(|| t("ui--not-covered")) }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

/// The input with line numbers; lines with findings are marked by their worst severity.
fn source_view(text: &str, diags: &[Diagnostic]) -> Html {
    let idx = LineIndex::new(text);
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.len() > 400 {
        return html! {};
    }
    let mut worst: Vec<Option<Severity>> = vec![None; lines.len()];
    for d in diags {
        let l = idx.line_col(d.span.start).line;
        if let Some(w) = worst.get_mut(l - 1) {
            *w = Some(w.map_or(d.severity(), |x| x.min(d.severity())));
        }
    }
    html! {
        <ol class="source mono" aria-label={t("ui--source")}>
        { for lines.iter().zip(worst).map(|(l, w)| html! {
            <li class={classes!(w.map(|s| s.as_str()))}><span>{ l.trim_end_matches('\r').replace('\t', "    ") }{ "\u{200b}" }</span></li>
        }) }
        </ol>
    }
}
