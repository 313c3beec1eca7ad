//! `mtasts lint policy|sts-record|tlsrpt-record [FILE|-] [--mx HOST]... [--format human|json]`

use crate::{input, render, Format};
use mtasts_core::diag::{self, Diagnostic};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::{policy, record};
use serde_json::json;
use std::process::ExitCode;

/// What to lint.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An `mta-sts.txt` policy file (RFC 8461 §3.2).
    Policy,
    /// An `_mta-sts` TXT record (RFC 8461 §3.1).
    StsRecord,
    /// An `_smtp._tls` TXT record (RFC 8460 §3).
    TlsrptRecord,
}

/// Arguments of `mtasts lint`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// What the input is.
    #[arg(value_enum)]
    kind: Kind,
    /// The file to read, or `-` for standard input.
    #[arg(default_value = "-")]
    file: String,
    /// An MX host of the domain (repeat); for a policy, checks that a pattern covers each (RFC 8461 §4.1).
    #[arg(long = "mx", value_name = "HOST")]
    mx: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Runs the lint; exit 1 when the input has errors.
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    if a.format == Format::Csv {
        return Err("`--format csv` is only for `mtasts report`".into());
    }
    if !a.mx.is_empty() && a.kind != Kind::Policy {
        return Err("`--mx` only applies to `mtasts lint policy`".into());
    }
    let bytes = input::read(&a.file)?;
    let name = input::display_name(&a.file);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let cat = Catalog::load(lang);
    let (diags, parsed, coverage): (Vec<Diagnostic>, serde_json::Value, serde_json::Value) =
        match a.kind {
            Kind::Policy => {
                let hosts: Vec<&str> = a.mx.iter().map(String::as_str).collect();
                // The raw bytes, so encoding problems are reported at the right place.
                let (l, cov) = policy::lint_bytes_with_mx(&bytes, &hosts);
                (l.diagnostics, json!(l.policy), json!(cov))
            }
            Kind::StsRecord => {
                let l = record::sts::lint(&text);
                (l.diagnostics, json!(l.record), serde_json::Value::Null)
            }
            Kind::TlsrptRecord => {
                let l = record::tlsrpt::lint(&text);
                (l.diagnostics, json!(l.record), serde_json::Value::Null)
            }
        };
    let valid = !diag::has_errors(&diags);
    match a.format {
        Format::Json => {
            let kind = match a.kind {
                Kind::Policy => "policy",
                Kind::StsRecord => "sts-record",
                Kind::TlsrptRecord => "tlsrpt-record",
            };
            let mut out = json!({
                "input": name,
                "kind": kind,
                "valid": valid,
                "diagnostics": render::json_diagnostics(Some(&text), &diags, &cat),
                "parsed": parsed,
            });
            if !coverage.is_null() {
                out["coverage"] = coverage;
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
            );
        }
        _ => {
            anstream::print!("{}", render::human(name, Some(&text), &diags, &cat));
            anstream::print!("{}", render::verdict(name, &diags, &cat));
        }
    }
    Ok(if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
