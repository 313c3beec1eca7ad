//! The list of diagnostics: severity, code, message, RFC section (linked), fix; clicking one selects its span.

use crate::i18n::{catalog, t};
use mtasts_core::diag::{Diagnostic, LineIndex, Severity};
use yew::prelude::*;

/// Renders catalog text, showing `backticked` parts as code (text only: nothing is parsed as HTML).
pub fn rich(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code class="inline">{ part.to_owned() }</code> }
        } else {
            html! { { part.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}

/// Props of [`DiagnosticList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticListProps {
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
    /// The input the spans point into (for line/column); `None` for reports.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// Called with the byte span when the user picks a diagnostic.
    #[prop_or_default]
    pub on_pick: Option<Callback<(usize, usize)>>,
    /// The name of the input `text` is, when the page has more than one (`MX hosts, line 2:1`).
    #[prop_or_default]
    pub place: Option<AttrValue>,
    /// The list's element id.
    #[prop_or(AttrValue::Static("diagnostics"))]
    pub id: AttrValue,
}

/// One finding, ready to show: from a core [`Diagnostic`] and the catalog, or from the worker's JSON answer
/// (already in the reader's language). Both render through [`item`], so they look and read the same.
struct Item {
    severity: Severity,
    code: String,
    rfc: String,
    where_: Option<String>,
    pick: Option<Callback<MouseEvent>>,
    message: String,
    fix: Option<String>,
}

fn item(d: Item) -> Html {
    let sev = d.severity.as_str();
    html! {
        <li class={classes!("diag", sev)} data-code={d.code.clone()} data-severity={sev}>
            <div class="diag-head">
                <span class={classes!("badge", sev)}>{ severity_label(d.severity) }</span>
                // the rule's page (served by the worker, in the page's language)
                <a class="diag-code" href={format!("/rules/{}?lang={}", d.code, crate::i18n::lang().tag())}
                    title={t("ui--rule-page")}><code>{ d.code.clone() }</code></a>
                { for d.where_.map(|w| match d.pick {
                    Some(onclick) => html! { <button type="button" class="link where" {onclick}>{ w }</button> },
                    None => html! { <span class="where">{ w }</span> },
                }) }
                { match mtasts_core::diag::section_url(&d.rfc) {
                    Some(href) => html! { <a class="rfc" href={href} target="_blank" rel="noopener noreferrer">{ d.rfc }</a> },
                    None => html! { <span class="rfc">{ d.rfc }</span> },
                } }
            </div>
            <p class="diag-msg">{ rich(&d.message) }</p>
            { for d.fix.map(|f| html! { <p class="diag-fix"><strong>{ t("ui--fix") }</strong>{ " " }{ rich(&f) }</p> }) }
        </li>
    }
}

/// Renders diagnostics as an accessible list.
#[function_component(DiagnosticList)]
pub fn diagnostic_list(p: &DiagnosticListProps) -> Html {
    let cat = catalog();
    if p.diagnostics.is_empty() {
        return html! {};
    }
    let idx = p.text.as_ref().map(|t| LineIndex::new(t.as_str()));
    html! {
        <ul class="diags" id={p.id.clone()}>
        { for p.diagnostics.iter().map(|d| item(Item {
            severity: d.severity(),
            code: d.code.name().to_owned(),
            rfc: d.code.rfc().to_owned(),
            where_: idx.as_ref().map(|i| {
                let lc = i.line_col(d.span.start);
                let at = format!("{} {}:{}", t("ui--line"), lc.line, lc.column);
                match &p.place {
                    Some(place) => format!("{place}, {at}"),
                    None => at,
                }
            }).or_else(|| d.get("field").map(str::to_owned)),
            pick: p.on_pick.clone().map(|cb| {
                let span = (d.span.start, d.span.end);
                Callback::from(move |_| cb.emit(span))
            }),
            message: cat.message(d),
            fix: cat.fix(d),
        })) }
        </ul>
    }
}

/// Props of [`RenderedDiagnosticList`].
#[derive(Properties, PartialEq)]
pub struct RenderedDiagnosticListProps {
    /// Diagnostics as the JSON contract gives them (`mtasts_core::output::JsonDiagnostic`).
    pub diagnostics: Vec<serde_json::Value>,
    /// The list's element id.
    pub id: AttrValue,
}

/// Renders diagnostics a server already rendered (the worker's `/api/check`), like [`DiagnosticList`].
#[function_component(RenderedDiagnosticList)]
pub fn rendered_diagnostic_list(p: &RenderedDiagnosticListProps) -> Html {
    if p.diagnostics.is_empty() {
        return html! {};
    }
    let s = |d: &serde_json::Value, k: &str| d[k].as_str().unwrap_or_default().to_owned();
    html! {
        <ul class="diags" id={p.id.clone()}>
        { for p.diagnostics.iter().map(|d| item(Item {
            severity: match d["severity"].as_str() {
                Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                _ => Severity::Info,
            },
            code: s(d, "code"),
            rfc: s(d, "rfc"),
            where_: d["line"].as_u64().filter(|l| *l > 0).map(|l| {
                format!("{} {}:{}", t("ui--line"), l, d["column"].as_u64().unwrap_or(0))
            }),
            pick: None,
            message: s(d, "message"),
            fix: d["fix"].as_str().map(str::to_owned),
        })) }
        </ul>
    }
}

/// The localized name of a severity.
pub fn severity_label(s: Severity) -> String {
    t(match s {
        Severity::Error => "ui--severity-error",
        Severity::Warning => "ui--severity-warning",
        Severity::Info => "ui--severity-info",
    })
}

/// A one-line verdict: valid/invalid with counts.
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Shows whether the input is valid and how many findings of each kind it has.
#[function_component(Verdict)]
pub fn verdict(p: &VerdictProps) -> Html {
    let n = |s| p.diagnostics.iter().filter(|d| d.severity() == s).count();
    let (e, w, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
    let (cls, label) = if e > 0 {
        ("verdict bad", t("ui--invalid"))
    } else if w > 0 {
        ("verdict warn", t("ui--valid-with-warnings"))
    } else {
        ("verdict good", t("ui--valid"))
    };
    html! {
        <div class={cls} id="verdict" data-valid={(e == 0).to_string()} role="status">
            <strong>{ label }</strong>
            <span>{ crate::i18n::tr("ui--counts", &[("errors", e.to_string()), ("warnings", w.to_string()), ("infos", i.to_string())]) }</span>
        </div>
    }
}
