//! `mtasts explain [CODE]`: the rule page of a diagnostic code in the terminal — what it means (its message and
//! fix as its bad example gives them), why it matters for delivery, its severity, the RFC section it comes from
//! (heading, link and text), and a bad and a good example, all in the chosen language. Without a code, every
//! code with its one-line reason. Everything comes from core (`output::RulePage`), as the site's `/rules` pages.

use crate::Format;
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::output::{RuleExample, RulePage};
use mtasts_core::rules::Input;
use mtasts_core::Code;
use std::process::ExitCode;

/// Arguments of `mtasts explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A diagnostic code, e.g. `policy/bad-mode`; without one, every code is listed.
    code: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Lines of the RFC section printed before pointing at the link for the rest.
const EXCERPT_LINES: usize = 24;
/// Characters of an example printed before cutting it (the 64 KB policy of `policy/too-large`).
const EXAMPLE_CHARS: usize = 1200;

/// Runs `explain`; exit 2 for a code that does not exist.
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    if a.format == Format::Csv {
        return Err("`mtasts explain` prints human or JSON output".into());
    }
    let cat = Catalog::load(lang);
    let Some(name) = a.code else {
        if a.format == Format::Json {
            let all: Vec<_> = Code::ALL.iter().map(|c| RulePage::new(*c, &cat)).collect();
            println!("{}", to_json(&all)?);
        } else {
            for c in Code::ALL {
                println!(
                    "{:<40} {:<8} {:<16} {}",
                    c.name(),
                    c.severity().as_str(),
                    c.rfc(),
                    cat.why(*c).unwrap_or_default()
                );
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(code) = Code::ALL.iter().copied().find(|c| c.name() == name.trim()) else {
        let near: Vec<&str> = Code::ALL
            .iter()
            .map(|c| c.name())
            .filter(|n| n.contains(name.trim().trim_start_matches('/')))
            .take(8)
            .collect();
        let not_found = cat.render("rules--not-found", &[("code", name.clone())]);
        return Err(if near.is_empty() {
            format!("{not_found} `mtasts explain`")
        } else {
            format!("{not_found} {}?", near.join(", "))
        });
    };
    let page = RulePage::new(code, &cat);
    if a.format == Format::Json {
        println!("{}", to_json(&page)?);
    } else {
        print!("{}", human(&page, &cat));
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| e.to_string())
}

/// The page as terminal text, labels from the catalogs.
fn human(p: &RulePage, cat: &Catalog) -> String {
    let t = |id: &str| cat.render(id, &[]);
    let mut out = format!("{} ({})\n\n", p.code, p.severity.as_str());
    out += &format!("{}\n  {}\n", t("rules--what"), p.message);
    if let Some(fix) = &p.fix {
        out += &format!("  = {} {fix}\n", t("ui--fix"));
    }
    if let Some(why) = &p.why {
        out += &format!("\n{}\n  {why}\n", t("rules--why"));
    }
    out += &example(&t("rules--bad"), &p.bad, cat);
    out += &example(&t("rules--good"), &p.good, cat);
    out += &format!("\n{}\n  {}", t("rules--rfc"), p.rfc);
    if let Some(h) = p.section {
        out += &format!(" “{h}”");
    }
    if let Some(u) = &p.url {
        out += &format!(" <{u}>");
    }
    out.push('\n');
    if let Some(text) = p.excerpt {
        let lines: Vec<&str> = text.lines().collect();
        for l in lines.iter().take(EXCERPT_LINES) {
            out += &format!("  | {l}\n");
        }
        if lines.len() > EXCERPT_LINES {
            out += &format!("  | … (+{})\n", lines.len() - EXCERPT_LINES);
        }
    }
    out
}

fn example(label: &str, e: &RuleExample, cat: &Catalog) -> String {
    let mut out = format!("\n{label}");
    if let Input::Circumstance { when } = &e.input {
        return format!("{out}\n  {}\n", cat.render(when, &[]));
    }
    let kind = match &e.input {
        Input::Policy { .. } => "rules--input-policy",
        Input::StsRecord { .. } => "rules--input-sts-record",
        Input::TlsrptRecord { .. } => "rules--input-tlsrpt-record",
        Input::Report { .. } => "rules--input-report",
        Input::Mail { .. } => "rules--input-mail",
        Input::Generate { .. } => "rules--input-generate",
        Input::Check { .. } => "rules--input-check",
        Input::Watch { .. } => "rules--input-watch",
        Input::Request { .. } | Input::Circumstance { .. } => "rules--input-request",
    };
    out += &format!(" — {}\n", cat.render(kind, &[]));
    let shown: String = e.shown.chars().take(EXAMPLE_CHARS).collect();
    for l in shown.lines() {
        out += &format!("  │ {}\n", l.escape_debug());
    }
    if e.shown.chars().count() > EXAMPLE_CHARS {
        out += &format!("  │ … (+{} B)\n", e.shown.len() - shown.len());
    }
    for d in &e.findings {
        let at = if d.line > 0 {
            format!("{}:{}: ", d.line, d.column)
        } else {
            String::new()
        };
        out += &format!(
            "  {} {at}{}[{}]\n",
            cat.render("rules--gives", &[]),
            d.severity,
            d.code
        );
    }
    out
}
