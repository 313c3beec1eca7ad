//! Report e-mail (RFC 8460 §5.3), delivered by Cloudflare Email Routing to this worker's `email` handler.
//!
//! Decided in this order, each refusal a reason the sender's bounce shows (`set_reject`):
//! 1. larger than `MAX_REPORT_BYTES`: refused unread;
//! 2. not a report (no report part, undecodable): forwarded to `FORWARD_OTHER_TO` when set, else refused;
//! 3. DKIM (RFC 8460 §3): a valid signature by the reporting domain, verified here with the key fetched through
//!    DNS over HTTPS; without one the report is refused (`REQUIRE_DKIM=false` takes it, and says so in what is
//!    stored);
//! 4. the shared pipeline ([`crate::ingest`]): served domains, caps, store once per (organization, report-id),
//!    the whole message kept as received. Accepted mail is copied to `FORWARD_TO` when set.
//!
//! Our own storage failing, or our resolver not answering the DKIM key lookup, is the one case that is not the
//! sender's: the message is forwarded to `FORWARD_TO` when set (nothing lost), and refused with
//! `server/unavailable` otherwise (Email Routing offers a Worker no temporary failure).

use crate::ingest::{self, Arrival, Refusal};
use crate::{live_check, Config};
use mtasts_core::check::plan::Kind;
use mtasts_core::check::Dns;
use mtasts_core::dkim::{self, Verdict};
use mtasts_core::i18n::Catalog;
use mtasts_core::{Code, Diagnostic};
use std::collections::HashMap;
use worker::{Env, ForwardableEmailMessage};

/// What to do with a message.
enum Decision {
    /// Stored (or a duplicate of what is stored).
    Accept(Vec<ingest::Outcome>),
    /// Not a report: forward it to `FORWARD_OTHER_TO`, or refuse it with this reason.
    NotReport(Diagnostic),
    /// Refused with this reason.
    Reject(Diagnostic),
    /// Our own storage failed.
    Unavailable(String),
}

/// Takes one message; never fails (every outcome is an acceptance, a forward or a rejection).
pub async fn receive(msg: ForwardableEmailMessage, env: &Env) {
    let cfg = Config::from_env(env);
    let from = msg.from();
    let decision = decide(&msg, env, &cfg, &from).await;
    // bounces are read by the sender's postmaster: the reference language
    let cat = Catalog::english();
    match decision {
        Decision::Accept(results) => {
            for r in &results {
                worker::console_log!(
                    "mail from {from}: {} {} ({} {})",
                    r.status,
                    r.key,
                    r.organization,
                    r.report_id
                );
            }
            if let Some(to) = &cfg.forward_to {
                forward(&msg, to).await;
            }
        }
        Decision::NotReport(d) => match &cfg.forward_other_to {
            Some(to) => {
                worker::console_log!("mail from {from}: not a report, forwarded to {to}");
                if !forward(&msg, to).await {
                    reject(&msg, &cat, &d);
                }
            }
            None => reject(&msg, &cat, &d),
        },
        Decision::Reject(d) => reject(&msg, &cat, &d),
        Decision::Unavailable(e) => {
            worker::console_error!("mail from {from}: storage failed: {e}");
            let kept = match &cfg.forward_to {
                Some(to) => forward(&msg, to).await,
                None => false,
            };
            if !kept {
                reject(
                    &msg,
                    &cat,
                    &Diagnostic::new(Code::ServerUnavailable, Default::default()),
                );
            }
        }
    }
}

/// The refusal as the SMTP reply text: the stable code, then the message (one line).
fn reject(msg: &ForwardableEmailMessage, cat: &Catalog, d: &Diagnostic) {
    let text = format!("{}: {}", d.code.name(), cat.message(d)).replace(['\r', '\n'], " ");
    worker::console_log!("mail from {}: rejected: {text}", msg.from());
    msg.set_reject(&mtasts_core::diag::snippet(&text, 400));
}

/// Forwards to a verified address; false (logged) when Email Routing refuses.
async fn forward(msg: &ForwardableEmailMessage, to: &str) -> bool {
    match msg.forward(to).await {
        Ok(_) => true,
        Err(e) => {
            worker::console_error!("forward to {to}: {e:?}");
            false
        }
    }
}

async fn decide(msg: &ForwardableEmailMessage, env: &Env, cfg: &Config, from: &str) -> Decision {
    let size = msg.raw_size();
    if size > cfg.max_report_bytes as f64 {
        // RFC 8460 §7: bounded work per message, refused before it is read
        return Decision::Reject(
            Diagnostic::new(Code::ReportTooLarge, Default::default())
                .arg("len", size as u64)
                .arg("max", cfg.max_report_bytes),
        );
    }
    let raw = match msg.raw_bytes().await {
        Ok(r) => r,
        Err(e) => {
            return Decision::Reject(
                Diagnostic::new(Code::ApiUnreadableBody, Default::default())
                    .arg("reason", e.to_string()),
            )
        }
    };
    let loaded = match ingest::load(cfg, &raw) {
        Ok(l) => l,
        Err(Refusal { reason, .. }) if mtasts_core::report::is_not_a_report(reason.code) => {
            return Decision::NotReport(reason)
        }
        Err(r) => return Decision::Reject(r.reason),
    };
    let (verdict, lookup_failed) = judge_dkim(cfg, &raw).await;
    let dkim = match verdict {
        Verdict::Pass { domain } => format!("pass {domain}"),
        // our resolver not answering is our failure, not the sender's: kept like a storage failure
        Verdict::Fail(d) if cfg.require_dkim && lookup_failed => {
            return Decision::Unavailable(format!(
                "DKIM key lookup: {}",
                Catalog::english().message(&d)
            ))
        }
        Verdict::Fail(d) if cfg.require_dkim => return Decision::Reject(d),
        Verdict::Fail(d) => format!("not required: {}", Catalog::english().message(&d)),
    };
    let arrival = Arrival {
        via: "email",
        from: from.to_owned(),
        dkim,
    };
    match ingest::ingest(env, &loaded, &raw, &arrival).await {
        Ok(Ok(results)) => Decision::Accept(results),
        Ok(Err(r)) => Decision::Reject(r.reason),
        Err(e) => Decision::Unavailable(e.to_string()),
    }
}

/// Fetches the signatures' keys through DNS over HTTPS (the live check's resolver), all at once, and judges;
/// also says whether a lookup got no answer from our resolver (then a failure may be ours, not the sender's).
async fn judge_dkim(cfg: &Config, raw: &[u8]) -> (Verdict, bool) {
    let names = dkim::key_queries(raw);
    let answers = futures_util::future::join_all(
        names.iter().map(|n| live_check::resolve(cfg, n, Kind::Txt)),
    )
    .await;
    let keys: HashMap<String, Option<Vec<String>>> = names
        .into_iter()
        .zip(answers)
        .map(|(n, a)| {
            let records = match a.dns {
                Dns::Records(r) => Some(r),
                Dns::NoSuchName => Some(Vec::new()),
                Dns::Failed(_) | Dns::Unanswered(_) => None,
            };
            (n, records)
        })
        .collect();
    let lookup_failed = keys.values().any(Option::is_none);
    (
        dkim::judge(raw, &|name| keys.get(name).cloned().flatten()),
        lookup_failed,
    )
}
