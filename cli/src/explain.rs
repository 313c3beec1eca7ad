//! `mtasts explain [CODE]`: the rule behind a diagnostic code — what it means, its message and fix in the
//! chosen language, its severity, and the RFC section it comes from (with the section's heading and link).
//! Without a code, the list of every code. Everything comes from core's one registry (`mtasts_core::diag`).

use crate::Format;
use mtasts_core::diag::{section_heading, section_url};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::{Code, Diagnostic};
use serde_json::json;
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

/// One rule as JSON.
fn rule_json(c: Code, cat: &Catalog) -> serde_json::Value {
    let d = Diagnostic::new(c, Default::default());
    json!({
        "code": c.name(),
        "severity": c.severity(),
        "summary": c.summary(),
        "message": cat.message(&d),
        "fix": cat.fix(&d),
        "rfc": c.rfc(),
        "section": section_heading(c.rfc()),
        "url": section_url(c.rfc()),
    })
}

/// Runs `explain`; exit 2 for a code that does not exist.
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    if a.format == Format::Csv {
        return Err("`mtasts explain` prints human or JSON output".into());
    }
    let cat = Catalog::load(lang);
    let Some(name) = a.code else {
        if a.format == Format::Json {
            let all: Vec<_> = Code::ALL.iter().map(|c| rule_json(*c, &cat)).collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?
            );
        } else {
            for c in Code::ALL {
                println!("{:<40} {:<8} {}", c.name(), c.severity().as_str(), c.rfc());
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
        return Err(if near.is_empty() {
            format!("`{name}` is not a diagnostic code; `mtasts explain` lists them all")
        } else {
            format!(
                "`{name}` is not a diagnostic code; did you mean {}?",
                near.join(", ")
            )
        });
    };
    let r = rule_json(code, &cat);
    if a.format == Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    // the same labels as the diagnostics of `lint` and `check` (render.rs), in the chosen language
    let (see, fix_label) = (cat.render("cli--see", &[]), cat.render("ui--fix", &[]));
    println!("{} ({})", code.name(), code.severity().as_str());
    println!("  {}", code.summary());
    println!("  {}", r["message"].as_str().unwrap_or_default());
    if let Some(fix) = r["fix"].as_str() {
        println!("  = {fix_label} {fix}");
    }
    match (section_heading(code.rfc()), section_url(code.rfc())) {
        (Some(h), Some(u)) => println!("  = {see}: {} “{h}” <{u}>", code.rfc()),
        (Some(h), None) => println!("  = {see}: {h}"),
        _ => println!("  = {see}: {}", code.rfc()),
    }
    Ok(ExitCode::SUCCESS)
}
