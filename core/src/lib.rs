//! # mtasts-core
//!
//! Every rule of MTA-STS (RFC 8461) and SMTP TLS Reporting (RFC 8460), as pure functions: no I/O, no async, the
//! same code natively (the `mtasts` CLI) and in wasm (the web app and the Cloudflare Worker). Shells turn bytes
//! from their world into these inputs and render the outputs.
//!
//! - [`diag`]: diagnostics with stable codes, severities, spans, RFC sections; [`i18n`] renders their messages.
//! - [`record`]: the `_mta-sts` and `_smtp._tls` TXT records, from whatever a user pastes.
//! - [`policy`]: the `mta-sts.txt` policy file and MX patterns.
//! - [`generate`]: a policy, both records and the rollout steps for a domain.
//! - [`report`]: TLS reports: model, decoding (JSON, gzip, e-mail), validation, aggregation, export.
//! - [`check`]: judging a live domain from the facts a shell gathered; [`output`]: the shared JSON contract.
//! - [`dkim`]: DKIM verification of mailed reports (RFC 8460 §3), pure: the shell fetches the keys.
//! - [`watch`]: the daily digest and the alerts of a watched domain, and their notices.
//! - [`rules`]: a bad and a good example of every code, run through the rule that emits it (rule pages).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod check;
pub mod detect;
pub mod diag;
pub mod dkim;
#[cfg(feature = "doh")]
pub mod doh;
pub mod generate;

pub mod i18n;
pub mod mime;
pub mod output;
pub mod policy;
pub mod record;
pub mod report;
pub mod rules;
pub mod watch;

pub use diag::{Code, Diagnostic, Severity, Span};
