//! SMTP TLS reports (RFC 8460 §4): [`model`] (lenient types), [`decode`] (gzip / JSON / e-mail with caps),
//! [`validate`] (strict warnings), [`aggregate`] (dedup, totals, breakdowns), [`export`] (CSV), [`time`],
//! [`mailbox`] (mbox files of report e-mail).

pub mod aggregate;
pub mod decode;
pub mod export;
pub mod mailbox;
pub mod model;
pub mod rollup;
mod tally;
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

/// True for the refusals that mean "these bytes are not a TLS report" rather than "a broken report": mail in a
/// mailbox or at a report address that is something else (a shell skips it, forwards it, or says so).
pub fn is_not_a_report(code: crate::diag::Code) -> bool {
    use crate::diag::Code;
    matches!(
        code,
        Code::ReportEmailWithoutReport | Code::ReportUnknownFormat | Code::ReportNotReport
    )
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
