//! Generate: a guided setup in the guide's order — report address and the `_smtp._tls` record first, then the
//! policy in testing mode with the `_mta-sts` record, then enforce, and how to remove MTA-STS. The output is
//! linted live by the same core rules (it must always be clean). A field that does not read gets its finding
//! under it (message and fix) while the output for the last input that did stays on screen, marked as such.

use crate::components::copy::CopyField;
use crate::components::diagnostics::{rich, DiagnosticList, Verdict};
use crate::i18n::{catalog, t, tr};
use crate::util;
use mtasts_core::diag::Diagnostic;
use mtasts_core::generate::{generate, Generated, IdSource, Request};
use mtasts_core::policy::{self, Mode};
use mtasts_core::record;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn prefill() -> (String, String, String) {
    let q = util::query();
    let get = |k: &str| {
        q.iter()
            .filter(|(a, _)| a == k)
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    (get("domain"), get("mx"), get("rua"))
}

/// The form field a finding about the request belongs to (the `id` of its input).
fn field_of(d: &Diagnostic) -> &'static str {
    let code = d.code.name();
    if code == "generate/bad-domain" {
        "gen-domain"
    } else if code == "generate/bad-max-age" {
        "gen-max-age"
    } else if code.starts_with("tlsrpt-record/") || code == "generate/no-rua" {
        "gen-rua"
    } else {
        // mx/invalid-host, generate/no-mx and the pattern rules (policy/mx-*)
        "gen-mx"
    }
}

/// The findings of one field, under it; the input points at them with `aria-describedby`.
fn field_errors(id: &str, diags: &[Diagnostic]) -> Html {
    let mine: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| field_of(d) == id)
        .cloned()
        .collect();
    if mine.is_empty() {
        return html! {};
    }
    html! { <div class="field-errors" id={format!("{id}-errors")}><DiagnosticList diagnostics={mine} /></div> }
}

/// The domain as the generator read it (`https://solarmora.com/` → `solarmora.com`), when that differs from
/// what was typed: the page says which domain it used.
fn cleaned_domain(typed: &str, read: &str) -> Option<String> {
    (read != typed.trim() && !read.is_empty()).then(|| read.to_owned())
}

/// The generator page.
#[function_component(GeneratePage)]
pub fn generate_page() -> Html {
    let pre = use_memo((), |_| prefill());
    let domain = use_state(|| {
        if pre.0.is_empty() {
            "example.com".to_owned()
        } else {
            pre.0.clone()
        }
    });
    let mx = use_state(|| {
        if pre.1.is_empty() {
            "mail.example.com\n*.example.net".to_owned()
        } else {
            pre.1.clone()
        }
    });
    let rua = use_state(|| pre.2.clone());
    let mode = use_state(|| Mode::Testing);
    let max_age = use_state(|| "604800".to_owned());
    let stamp = use_state(util::now_unix);

    let text_input = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let area_input = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onmode = {
        let mode = mode.clone();
        let max_age = max_age.clone();
        Callback::from(move |e: Event| {
            let m = Mode::parse(&e.target_unchecked_into::<HtmlSelectElement>().value())
                .unwrap_or(Mode::Testing);
            // The guide: one week while testing; weeks or more once enforced.
            max_age.set(
                if m == Mode::Testing {
                    "604800"
                } else {
                    "1209600"
                }
                .to_owned(),
            );
            mode.set(m);
        })
    };
    let new_id = {
        let stamp = stamp.clone();
        Callback::from(move |_| stamp.set(util::now_unix()))
    };
    let rua_list: Vec<String> = rua
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    // core's one default (no deployment known here: a mailbox at the domain)
    // the domain as the generator reads it (a pasted URL cleaned, lower case)
    let read_domain = mtasts_core::generate::domain_from_field(&domain)
        .unwrap_or_else(|_| mtasts_core::generate::domain_from_input(&domain));
    let default_rua = mtasts_core::generate::default_rua(&read_domain, None, None).join(",");
    let req = Request {
        domain: (*domain).clone(),
        mx: mx.split(['\n', ',', ' ']).map(str::to_owned).collect(),
        mode: *mode,
        max_age: max_age.trim().parse().unwrap_or(u64::MAX),
        rua: if rua_list.is_empty() {
            vec![default_rua.clone()]
        } else {
            rua_list
        },
        id: IdSource::Time(*stamp),
    };
    let result = generate(&req);
    let cat = catalog();
    // the output of the last request that read, kept on screen while a field is being fixed
    let last_good = use_mut_ref(|| None::<Generated>);
    let (shown, errors, stale) = match result {
        Ok(g) => {
            *last_good.borrow_mut() = Some(g.clone());
            (Some(g), Vec::new(), false)
        }
        Err(diags) => (last_good.borrow().clone(), diags, true),
    };
    let invalid = |id: &str| errors.iter().any(|d| field_of(d) == id);
    let described = |id: &str| invalid(id).then(|| format!("{id}-errors"));
    let cleaned = cleaned_domain(&domain, &read_domain);
    html! {
        <section class="page generate">
            <h1>{ t("ui--generate-title") }</h1>
            <p class="lead">{ t("ui--generate-lead") }</p>
            <form class="form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field">
                    <label for="gen-domain">{ t("ui--gen-domain") }</label>
                    <input id="gen-domain" class="input" type="text" autocomplete="off" spellcheck="false" value={(*domain).clone()} oninput={text_input(&domain)}
                        aria-invalid={invalid("gen-domain").then_some("true")} aria-describedby={described("gen-domain")} />
                    { for cleaned.map(|d| html! { <small class="muted" id="gen-domain-cleaned">{ rich(&tr("ui--gen-domain-cleaned", &[("domain", d)])) }</small> }) }
                    { field_errors("gen-domain", &errors) }
                </div>
                <div class="field">
                    <label for="gen-mx">{ t("ui--gen-mx") }</label>
                    <textarea id="gen-mx" class="input mono" rows="3" spellcheck="false" value={(*mx).clone()} oninput={area_input(&mx)}
                        aria-invalid={invalid("gen-mx").then_some("true")} aria-describedby={described("gen-mx")} />
                    <small class="muted">{ t("ui--gen-mx-help") }</small>
                    { field_errors("gen-mx", &errors) }
                </div>
                <div class="field">
                    <label for="gen-rua">{ t("ui--gen-rua") }</label>
                    <input id="gen-rua" class="input" type="text" autocomplete="off" spellcheck="false" placeholder={default_rua} value={(*rua).clone()} oninput={text_input(&rua)}
                        aria-invalid={invalid("gen-rua").then_some("true")} aria-describedby={described("gen-rua")} />
                    <small class="muted">{ t("ui--gen-rua-help") }</small>
                    { field_errors("gen-rua", &errors) }
                </div>
                <div class="row">
                    <div class="field">
                        <label for="gen-mode">{ t("ui--gen-mode") }</label>
                        <select id="gen-mode" onchange={onmode}>
                            { for [Mode::Testing, Mode::Enforce, Mode::None].iter().map(|m| html! { <option value={m.as_str()} selected={*mode == *m}>{ m.as_str() }</option> }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="gen-max-age">{ t("ui--gen-max-age") }</label>
                        <input id="gen-max-age" class="input" type="number" min="0" max="31557600" value={(*max_age).clone()} oninput={text_input(&max_age)}
                            aria-invalid={invalid("gen-max-age").then_some("true")} aria-describedby={described("gen-max-age")} />
                        { field_errors("gen-max-age", &errors) }
                    </div>
                    <div class="field">
                        <span class="label">{ t("ui--gen-id") }</span>
                        <button type="button" class="btn small" onclick={new_id}>{ t("ui--gen-new-id") }</button>
                    </div>
                </div>
            </form>
            { if stale { html! {
                <p class="error-box" role="alert" id="gen-stale">{ t(if shown.is_some() { "ui--gen-stale" } else { "ui--gen-fix-fields" }) }</p>
            } } else { html! {} } }
            { for shown.map(|g| html! { <div class={classes!(stale.then_some("stale"))}>{ generated_view(&g, &cat) }</div> }) }
        </section>
    }
}

/// What to publish, in the guide's order: the reporting record, the policy file, the MTA-STS record, the zone
/// lines, then the rollout steps; everything linted again by core before it is shown.
fn generated_view(g: &Generated, cat: &mtasts_core::i18n::Catalog) -> Html {
    let mut lint = policy::lint(&g.policy_text).diagnostics;
    lint.extend(record::sts::lint(&g.sts_record).diagnostics);
    if let Some(r) = &g.tlsrpt_record {
        lint.extend(record::tlsrpt::lint(r).diagnostics);
    }
    let policy_text = g.policy_text.clone();
    let policy_host = format!("mta-sts.{}", g.domain);
    let download = Callback::from(move |_| {
        util::download(
            "mta-sts.txt",
            "text/plain;charset=utf-8",
            policy_text.as_bytes(),
        )
    });
    html! {
    <div class="results">
        <div class="result-head"><Verdict diagnostics={lint.clone()} /><span class="muted">{ t("ui--gen-linted") }</span></div>
        <DiagnosticList diagnostics={lint} />
        <ol class="steps">
            <li>
                <h2>{ t("ui--gen-step-tlsrpt") }</h2>
                <CopyField label={t("ui--record-name")} value={g.tlsrpt_name.clone()} />
                <CopyField id="gen-tlsrpt-record" label={t("ui--record-value")} value={g.tlsrpt_record.clone().unwrap_or_default()} />
            </li>
            <li>
                <h2>{ t("ui--gen-step-policy") }</h2>
                <p>{ tr("ui--gen-policy-where", &[("url", g.policy_url.clone())]) }</p>
                <CopyField id="gen-policy" label="mta-sts.txt" value={g.policy_text.clone()} />
                <button type="button" class="btn" onclick={download}>{ t("ui--download-policy") }</button>
                <p class="muted">{ rich(&tr("ui--gen-certificate", &[("host", policy_host.clone())])) }</p>
                <details class="host-here" id="gen-host-here">
                    <summary>{ t("ui--gen-host-here") }</summary>
                    <p>{ rich(&tr("ui--gen-host-here-how", &[("host", policy_host.clone()), ("domain", g.domain.clone())])) }</p>
                    <CopyField id="gen-host-record" label={tr("ui--gen-host-record", &[("host", policy_host.clone())])} value={format!("{policy_host}. 300 IN AAAA 100::")} />
                </details>
            </li>
            <li>
                <h2>{ t("ui--gen-step-sts") }</h2>
                <CopyField label={t("ui--record-name")} value={g.sts_name.clone()} />
                <CopyField id="gen-sts-record" label={t("ui--record-value")} value={g.sts_record.clone()} />
            </li>
            <li>
                <h2>{ t("ui--gen-step-zone") }</h2>
                <CopyField id="gen-zone" label={t("ui--zone-lines")} value={g.zone.join("\n")} />
            </li>
        </ol>
        <h2>{ t("ui--rollout") }</h2>
        <ol class="rollout" id="gen-steps">
            { for g.steps.iter().map(|s| html! { <li data-step={s.id}>{ rich(&cat.render(s.id, &s.args)) }
                { if s.id == "step--testing" { html! {
                    <p class="step-date" id="gen-testing-until">{ rich(&tr("ui--gen-testing-until", &[("date", util::date_in_days(14))])) }{ " " }
                        <a href="/reports">{ t("ui--nav-reports") }</a>{ " · " }<a href="/stored">{ t("ui--nav-stored") }</a></p>
                } } else { html! {} } }</li> }) }
        </ol>
    </div>
    }
}
