//! The list of diagnostics: severity, code, message, RFC section (linked), fix; clicking one selects its span.

use crate::i18n::{catalog, t};
use mtasts_core::diag::{Diagnostic, LineIndex, Severity};
use yew::prelude::*;

/// Link to the RFC text of a section label such as `RFC 8461 §3.2`.
pub fn rfc_link(rfc: &str) -> Option<String> {
    let rest = rfc.strip_prefix("RFC ")?;
    let (num, sec) = rest
        .split_once(" §")
        .map_or((rest, None), |(n, s)| (n, Some(s)));
    let num: String = num.chars().take_while(char::is_ascii_digit).collect();
    let sec: Option<String> = sec.map(|s| {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect()
    });
    Some(match sec {
        Some(s) if !s.is_empty() => format!("https://www.rfc-editor.org/rfc/rfc{num}#section-{s}"),
        _ => format!("https://www.rfc-editor.org/rfc/rfc{num}"),
    })
}

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
        <ul class="diags" id="diagnostics">
        { for p.diagnostics.iter().map(|d| {
            let sev = d.severity();
            let where_ = idx.as_ref().map(|i| {
                let lc = i.line_col(d.span.start);
                format!("{} {}:{}", t("ui--line"), lc.line, lc.column)
            }).or_else(|| d.get("field").map(str::to_owned));
            let pick = p.on_pick.clone().map(|cb| {
                let span = (d.span.start, d.span.end);
                Callback::from(move |_| cb.emit(span))
            });
            let fix = cat.fix(d);
            html! {
                <li class={classes!("diag", sev.as_str())} data-code={d.code.name()} data-severity={sev.as_str()}>
                    <div class="diag-head">
                        <span class={classes!("badge", sev.as_str())}>{ severity_label(sev) }</span>
                        <code class="diag-code">{ d.code.name() }</code>
                        { for where_.map(|w| match pick.clone() {
                            Some(onclick) => html! { <button type="button" class="link where" {onclick}>{ w }</button> },
                            None => html! { <span class="where">{ w }</span> },
                        }) }
                        { match rfc_link(d.code.rfc()) {
                            Some(href) => html! { <a class="rfc" href={href} target="_blank" rel="noopener noreferrer">{ d.code.rfc() }</a> },
                            None => html! { <span class="rfc">{ d.code.rfc() }</span> },
                        } }
                    </div>
                    <p class="diag-msg">{ rich(&cat.message(d)) }</p>
                    { for fix.map(|f| html! { <p class="diag-fix"><strong>{ t("ui--fix") }</strong>{ " " }{ rich(&f) }</p> }) }
                </li>
            }
        }) }
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
