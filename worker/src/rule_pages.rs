//! The rule pages of the site: `GET /rules` (every code, with why it matters) and `GET /rules/<code>` (one
//! rule: what it means, why, a bad and a good example with what each gives, the RFC section's text), rendered
//! here from core's [`RulePage`] in the reader's language (`lang=` or `Accept-Language`), as plain HTML with the
//! site's stylesheet: no script, so the web app's wasm budget pays nothing for them. `?format=json` gives the
//! same page as JSON (what `mtasts explain --format json` prints); the end-to-end suite replays its examples.

use crate::http;
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::output::{RuleExample, RulePage};
use mtasts_core::rules::Input;
use mtasts_core::Code;
use std::fmt::Write;
use worker::{Request, Response, Result};

/// Where the pages live.
pub const PREFIX: &str = "/rules";

/// Answers `GET|HEAD /rules[/<code>]`.
pub fn handle(req: &Request, path: &str, lang: Lang) -> Result<Response> {
    let cat = Catalog::get(lang);
    let json = req
        .url()?
        .query_pairs()
        .any(|(k, v)| k == "format" && v == "json");
    let rest = path
        .strip_prefix(PREFIX)
        .unwrap_or("")
        .trim_matches('/')
        .to_owned();
    if rest.is_empty() {
        if json {
            let all: Vec<RulePage> = Code::ALL.iter().map(|c| RulePage::new(*c, &cat)).collect();
            return http::json(&all, 200);
        }
        return html(index(&cat, lang), 200);
    }
    let name = mtasts_core::record::tlsrpt::percent_decode(&rest);
    match Code::ALL.iter().copied().find(|c| c.name() == name) {
        Some(code) if json => http::json(&RulePage::new(code, &cat), 200),
        Some(code) => html(page(&RulePage::new(code, &cat), &cat, lang), 200),
        None if json => http::refuse(
            &cat,
            404,
            http::diag(Code::HttpNotFound).arg("path", mtasts_core::diag::snippet(path, 80)),
        ),
        None => html(not_found(&name, &cat, lang), 404),
    }
}

fn html(body: String, status: u16) -> Result<Response> {
    let mut r = server_page(body, status, "'none'", "public, max-age=3600")?;
    r.headers_mut().set("Vary", "Accept-Language")?;
    Ok(r)
}

/// An HTML page the worker renders (rule pages, the watch page): no script runs on it (the site's policy in
/// `web/static/_headers`, without script), forms may post to `form_action` only, cached as `cache_control` says.
pub(crate) fn server_page(
    body: String,
    status: u16,
    form_action: &str,
    cache_control: &str,
) -> Result<Response> {
    let mut r = Response::from_html(body)?.with_status(status);
    let h = r.headers_mut();
    h.set(
        "Content-Security-Policy",
        &format!("default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action {form_action}; frame-ancestors 'none'"),
    )?;
    h.set("X-Content-Type-Options", "nosniff")?;
    h.set("Referrer-Policy", "no-referrer")?;
    h.set("Cache-Control", cache_control)?;
    Ok(r)
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` with `backquoted` spans as `<code>` (the catalogs write protocol tokens that way).
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// The page frame: header with the way back to the site and to the index, the language switch, the footer.
pub(crate) fn frame(title: &str, lang: Lang, self_path: &str, cat: &Catalog, main: &str) -> String {
    let t = |id: &str| esc(&cat.render(id, &[]));
    let mut langs = String::new();
    for l in Lang::ALL {
        let current = if *l == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            langs,
            "<li><a class=\"nav-link\" href=\"{}?lang={}\" hreflang=\"{}\" lang=\"{}\"><span{current}>{}</span></a></li>",
            esc(self_path),
            l.tag(),
            l.tag(),
            l.tag(),
            esc(l.native_name())
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{tag}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><title>{title} — mtasts</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body><header class=\"top\"><a class=\"brand\" href=\"/\"><span class=\"logo\" aria-hidden=\"true\">◆</span> mtasts</a><nav aria-label=\"{rules}\"><ul><li><a class=\"nav-link\" href=\"{PREFIX}?lang={tag}\"><span>{rules}</span></a></li></ul></nav><nav aria-label=\"{language}\"><ul>{langs}</ul></nav></header>\n<main class=\"page rules\">{main}</main>\n<footer class=\"foot\"><p><a href=\"{PREFIX}?lang={tag}\">{all}</a> · <a href=\"/\">mtasts</a></p></footer></body></html>\n",
        tag = lang.tag(),
        title = esc(title),
        rules = t("rules--title"),
        language = t("rules--lang"),
        all = t("rules--all"),
    )
}

/// `/rules`: every code by group, with its severity, section and why it matters.
fn index(cat: &Catalog, lang: Lang) -> String {
    let mut main = format!(
        "<h1>{}</h1><p class=\"lead\">{}</p>",
        esc(&cat.render("rules--title", &[])),
        esc(&cat.render("rules--intro", &[]))
    );
    let mut group = "";
    for c in Code::ALL {
        let g = c.name().split('/').next().unwrap_or("");
        if g != group {
            if !group.is_empty() {
                main.push_str("</tbody></table>");
            }
            group = g;
            let _ = write!(
                main,
                "<h2 id=\"{g}\">{g}/</h2><table class=\"rules-table\"><tbody>",
                g = esc(g)
            );
        }
        let sev = c.severity().as_str();
        let _ = write!(
            main,
            "<tr><td><a href=\"{PREFIX}/{name}?lang={tag}\"><code>{name}</code></a></td><td><span class=\"badge {sev}\">{sev}</span></td><td class=\"muted\">{rfc}</td><td>{why}</td></tr>",
            name = esc(c.name()),
            tag = lang.tag(),
            rfc = esc(c.rfc()),
            why = inline(&cat.why(*c).unwrap_or_default()),
        );
    }
    main.push_str("</tbody></table>");
    frame(&cat.render("rules--title", &[]), lang, PREFIX, cat, &main)
}

/// `/rules/<code>`.
fn page(p: &RulePage, cat: &Catalog, lang: Lang) -> String {
    let t = |id: &str| esc(&cat.render(id, &[]));
    let sev = p.severity.as_str();
    let mut main = format!(
        "<h1><code>{code}</code> <span class=\"badge {sev}\">{sev}</span></h1>\n<h2>{what}</h2><p class=\"diag-msg\">{msg}</p>",
        code = esc(p.code),
        what = t("rules--what"),
        msg = inline(&p.message),
    );
    if let Some(fix) = &p.fix {
        let _ = write!(
            main,
            "<p class=\"diag-fix\"><strong>{}</strong> {}</p>",
            t("ui--fix"),
            inline(fix)
        );
    }
    if let Some(why) = &p.why {
        let _ = write!(main, "<h2>{}</h2><p>{}</p>", t("rules--why"), inline(why));
    }
    main.push_str("<div class=\"rule-examples\">");
    main.push_str(&example(&cat.render("rules--bad", &[]), &p.bad, cat, "bad"));
    main.push_str(&example(
        &cat.render("rules--good", &[]),
        &p.good,
        cat,
        "good",
    ));
    main.push_str("</div>");
    let _ = write!(main, "<h2>{}</h2><p>", t("rules--rfc"));
    let cite = match p.section {
        Some(h) => format!("{} “{h}”", p.rfc),
        None => p.rfc.to_owned(),
    };
    match &p.url {
        Some(u) => {
            let _ = write!(main, "<a href=\"{}\">{}</a>", esc(u), esc(&cite));
        }
        None => main.push_str(&esc(&cite)),
    }
    main.push_str("</p>");
    if let Some(text) = p.excerpt {
        let _ = write!(main, "<pre class=\"code rfc-text\">{}</pre>", esc(text));
    }
    frame(p.code, lang, &format!("{PREFIX}/{}", p.code), cat, &main)
}

/// Characters of an example shown before it is cut (the 64 KB policy of `policy/too-large`).
const EXAMPLE_CHARS: usize = 2000;

/// One example: what kind of input, its text with the lines the findings are on marked, what it gives.
fn example(label: &str, e: &RuleExample, cat: &Catalog, class: &str) -> String {
    let mut out = format!(
        "<section class=\"rule-example {class}\"><h3>{}</h3>",
        esc(label)
    );
    if let Input::Circumstance { when } = &e.input {
        let _ = write!(
            out,
            "<p class=\"muted\">{}</p><p>{}</p></section>",
            esc(&cat.render("rules--when", &[])),
            inline(&cat.render(when, &[]))
        );
        return out;
    }
    let (kind, note) = match &e.input {
        Input::Policy { mx, .. } if !mx.is_empty() => (
            "rules--input-policy",
            Some(cat.render("rules--input-policy-mx", &[("hosts", mx.join(", "))])),
        ),
        Input::Policy { .. } => ("rules--input-policy", None),
        Input::StsRecord { .. } => ("rules--input-sts-record", None),
        Input::TlsrptRecord { .. } => ("rules--input-tlsrpt-record", None),
        Input::Report { limits, gzip, .. } => (
            "rules--input-report",
            match (limits, gzip) {
                (Some((i, o)), _) => Some(cat.render(
                    "rules--input-report-limits",
                    &[("input", i.to_string()), ("inflated", o.to_string())],
                )),
                (None, true) => Some(cat.render("rules--input-report-gzip", &[])),
                (None, false) => None,
            },
        ),
        Input::Mail { .. } => ("rules--input-mail", None),
        Input::Generate { .. } => ("rules--input-generate", None),
        Input::Check { .. } => ("rules--input-check", None),
        Input::Watch { .. } => ("rules--input-watch", None),
        Input::Request { .. } | Input::Circumstance { .. } => ("rules--input-request", None),
    };
    let _ = write!(out, "<p class=\"muted\">{}", esc(&cat.render(kind, &[])));
    if let Some(n) = note {
        let _ = write!(out, " — {}", esc(&n));
    }
    out.push_str("</p><ol class=\"source\">");
    let shown: String = e.shown.chars().take(EXAMPLE_CHARS).collect();
    for (i, line) in shown.split('\n').enumerate() {
        let marked = e
            .findings
            .iter()
            .find(|d| d.line > 0 && d.line <= i + 1 && i < d.end_line.max(d.line));
        let cls = marked.map_or("", |d| d.severity.as_str());
        // control characters (a bare CR, a BEL) are shown, not interpreted
        let visible: String = line.chars().flat_map(char::escape_debug).collect();
        let visible = if line.chars().any(char::is_control) {
            visible
        } else {
            line.to_owned()
        };
        let _ = write!(out, "<li class=\"{cls}\">{}</li>", esc(&visible));
    }
    if e.shown.chars().count() > EXAMPLE_CHARS {
        let _ = write!(
            out,
            "<li class=\"muted\">… (+{} B)</li>",
            e.shown.len() - shown.len()
        );
    }
    out.push_str("</ol>");
    if !e.findings.is_empty() {
        out.push_str("<ul class=\"diags\">");
        for d in &e.findings {
            let at = if d.line > 0 {
                format!("{}:{} ", d.line, d.column)
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<li class=\"diag {sev}\"><div class=\"diag-head\"><span class=\"badge {sev}\">{sev}</span><span class=\"diag-code\">{at}{code}</span></div><p class=\"diag-msg\">{msg}</p></li>",
                sev = d.severity.as_str(),
                code = esc(d.code),
                msg = inline(&d.message),
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

/// The 404 page for a code that does not exist, with the way to the index.
fn not_found(name: &str, cat: &Catalog, lang: Lang) -> String {
    let main = format!(
        "<h1>404</h1><p>{}</p><p><a href=\"{PREFIX}?lang={}\">{}</a></p>",
        // the name as asked, clipped: a 10,000-character path is not echoed whole
        inline(&cat.render(
            "rules--not-found",
            &[("code", mtasts_core::diag::snippet(name, 80))]
        )),
        lang.tag(),
        esc(&cat.render("rules--all", &[]))
    );
    frame("404", lang, PREFIX, cat, &main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        for (input, want) in [
            ("<script>", "&lt;script&gt;"),
            ("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;"),
            ("plain", "plain"),
        ] {
            assert_eq!(esc(input), want);
        }
        assert_eq!(inline("use `<b>` here"), "use <code>&lt;b&gt;</code> here");
    }

    /// Every page renders in every language, marks the bad example's line, and never lets example text
    /// (which holds `<`, quotes and control characters) through unescaped.
    #[test]
    fn every_page_renders_in_every_language() {
        for lang in Lang::ALL {
            let cat = Catalog::get(*lang);
            let idx = index(&cat, *lang);
            assert_eq!(idx.matches("<tr>").count(), Code::ALL.len());
            for c in Code::ALL {
                let html = page(&RulePage::new(*c, &cat), &cat, *lang);
                assert!(html.contains(&format!("<code>{}</code>", c.name())));
                assert!(!html.contains("<h1>Not Found"), "{}", c.name());
                assert!(
                    !html.contains('\u{7}'),
                    "{}: raw control character",
                    c.name()
                );
            }
        }
        let cat = Catalog::get(Lang::It);
        let html = page(&RulePage::new(Code::PolicyBadMode, &cat), &cat, Lang::It);
        assert!(
            html.contains("<li class=\"error\">mode: strict</li>"),
            "{html}"
        );
        assert!(html.contains("lang=\"it\""));
        assert!(html.contains("Perché conta"));
        let check = page(
            &RulePage::new(Code::CheckPolicyHttpStatus, &cat),
            &cat,
            Lang::It,
        );
        assert!(check.contains("&lt;h1&gt;Not Found&lt;/h1&gt;"));
    }
}
