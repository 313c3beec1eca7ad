//! `mtasts generate --domain D --mx H... [--mode testing] [--max-age N] [--rua URI]... [--id time|hash|VALUE]`

use crate::{render, Format};
use mtasts_core::generate::{self, IdSource, Request};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::policy::Mode;
use serde_json::json;
use std::process::ExitCode;

/// Policy modes on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ModeArg {
    /// Report failures but deliver anyway (start here).
    Testing,
    /// Refuse MX hosts that fail validation.
    Enforce,
    /// Remove MTA-STS (RFC 8461 §8.3).
    None,
}

/// Arguments of `mtasts generate`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The mail domain.
    #[arg(long)]
    domain: String,
    /// An MX host or `*.` pattern (repeat, or separate with commas).
    #[arg(long = "mx", value_name = "HOST", value_delimiter = ',')]
    mx: Vec<String>,
    /// Policy mode; the guide starts with testing.
    #[arg(long, value_enum, default_value_t = ModeArg::Testing)]
    mode: ModeArg,
    /// Seconds senders cache the policy; default one week (the guide's testing window).
    #[arg(long = "max-age", default_value_t = 604_800)]
    max_age: u64,
    /// Where reports go: `mailto:` or `https:` (repeat); a bare address becomes `mailto:`.
    #[arg(long = "rua", value_name = "URI", value_delimiter = ',')]
    rua: Vec<String>,
    /// The `_mta-sts` id: `time` (UTC YYYYMMDDHHMMSS, default), `hash` (from the policy content), or the id
    /// itself (1–32 letters and digits).
    #[arg(long, default_value = "time")]
    id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Runs the generator; exit 1 when the request is invalid.
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    if a.format == Format::Csv {
        return Err("`--format csv` is only for `mtasts report`".into());
    }
    let id = match a.id.as_str() {
        "time" => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| e.to_string())?;
            IdSource::Time(i64::try_from(now.as_secs()).unwrap_or(0))
        }
        "hash" => IdSource::PolicyHash,
        // any other value is the id itself; core checks it (RFC 8461 §3.1: 1–32 letters and digits)
        other => IdSource::Given(other.to_owned()),
    };
    let mode = match a.mode {
        ModeArg::Testing => Mode::Testing,
        ModeArg::Enforce => Mode::Enforce,
        ModeArg::None => Mode::None,
    };
    let req = Request {
        domain: a.domain,
        mx: a.mx,
        mode,
        max_age: a.max_age,
        rua: a.rua,
        id,
    };
    let cat = Catalog::load(lang);
    let g = match generate::generate(&req) {
        Ok(g) => g,
        Err(diags) => {
            if a.format == Format::Json {
                let out = json!({"valid": false, "diagnostics": render::json_diagnostics(None, &diags, &cat)});
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
                );
            } else {
                anstream::print!("{}", render::human("request", None, &diags, &cat));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let steps: Vec<String> = g.steps.iter().map(|s| step_text(&cat, s)).collect();
    if a.format == Format::Json {
        let mut out = serde_json::to_value(&g).map_err(|e| e.to_string())?;
        out["valid"] = json!(true);
        out["steps"] = json!(steps);
        out["warnings"] = json!(render::json_diagnostics(None, &g.warnings, &cat));
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let h = |t: &str| {
        format!(
            "{}{t}{}",
            render::BOLD.render(),
            render::BOLD.render_reset()
        )
    };
    let (name_l, value_l) = (
        cat.render("ui--record-name", &[]),
        cat.render("ui--record-value", &[]),
    );
    let mut o = String::new();
    // The guide's order: the TLS reporting record first, then the policy, then the MTA-STS record.
    if let Some(t) = &g.tlsrpt_record {
        let title = h(&cat.render("ui--gen-step-tlsrpt", &[]));
        o.push_str(&format!(
            "{title}\n    {name_l}: {}\n    {value_l}: {t}\n\n",
            g.tlsrpt_name
        ));
    }
    o.push_str(&format!(
        "{}  ({})\n",
        h(&cat.render("ui--gen-step-policy", &[])),
        g.policy_url
    ));
    for line in g.policy_text.lines() {
        o.push_str(&format!("    {line}\n"));
    }
    let title = h(&cat.render("ui--gen-step-sts", &[]));
    o.push_str(&format!(
        "\n{title}\n    {name_l}: {}\n    {value_l}: {}\n",
        g.sts_name, g.sts_record
    ));
    o.push_str(&format!("\n{}\n", h(&cat.render("ui--gen-step-zone", &[]))));
    for z in &g.zone {
        o.push_str(&format!("    {z}\n"));
    }
    o.push_str(&format!("\n{}\n", h(&cat.render("ui--rollout", &[]))));
    for (i, s) in steps.iter().enumerate() {
        o.push_str(&format!("  {}. {s}\n", i + 1));
    }
    anstream::print!("{o}");
    if !g.warnings.is_empty() {
        anstream::print!("\n{}", render::human("request", None, &g.warnings, &cat));
    }
    Ok(ExitCode::SUCCESS)
}

fn step_text(cat: &Catalog, s: &generate::Step) -> String {
    cat.render(s.id, &s.args)
}
