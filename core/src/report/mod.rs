//! SMTP TLS reports (RFC 8460 §4): [`model`] (lenient types), [`decode`] (gzip / JSON / e-mail with caps),
//! [`validate`] (strict warnings), [`aggregate`] (dedup, totals, breakdowns), [`export`] (CSV), [`time`].

pub mod aggregate;
pub mod decode;
pub mod export;
pub mod model;
pub mod time;
pub mod validate;

pub use aggregate::{summarize, Aggregator, Filter, Summary};
pub use decode::{Container, Limits};
pub use model::Report;

use crate::diag::Diagnostic;

/// A report read from some bytes, with what validation found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// How it arrived.
    pub container: Container,
    /// The report.
    pub report: Report,
    /// Warnings and infos from [`validate::validate`].
    pub warnings: Vec<Diagnostic>,
}

/// Decodes, parses and validates every report in `bytes` (a JSON file, a .json.gz, or a report e-mail).
pub fn load(bytes: &[u8], limits: Limits) -> Result<Vec<Loaded>, Diagnostic> {
    let decoded = decode::decode(bytes, limits)?;
    Ok(decoded
        .into_iter()
        .map(|(container, report)| {
            let warnings = validate::validate(&report);
            Loaded {
                container,
                report,
                warnings,
            }
        })
        .collect())
}
