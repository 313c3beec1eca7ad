//! The watch, on every cron run: for each watched domain, gather core's [`Facts`] from the D1 rollups, the
//! served policy and a self-check (the live check of [`crate::live_check`]), let core judge them
//! ([`watch::evaluate`], [`watch::reconcile`]), and hand what is to be said to [`crate::notify`]. Alerts are
//! judged on every run; yesterday's digest goes out once, from the domain's digest hour on. Quiet hours hold
//! messages back (nothing is lost: they go out at the first run after).

use crate::index::{self, count, s};
use crate::notify::Outbox;
use crate::{live_check, store, Config};
use mtasts_core::i18n::Catalog;
use mtasts_core::policy;
use mtasts_core::report::time;
use mtasts_core::watch::{
    self, day_before, notify::Notice, AlertRow, Digest, Facts, SelfCheck, Settings, Tally,
};
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Result};

/// Sending IPs gathered per day (the digest shows the top five).
const TOP_IPS: u64 = 20;

/// Every watched domain with its stored settings (JSON) and the mode the last run saw, by domain.
pub async fn watched(db: &D1Database) -> Result<Vec<WatchedRow>> {
    index::stmt(
        db,
        "SELECT domain, settings, mode, mode_since FROM watch_settings ORDER BY domain",
        &[],
    )?
    .all()
    .await?
    .results::<WatchedRow>()
}

/// A row of `watch_settings`.
#[derive(Clone, Deserialize)]
pub struct WatchedRow {
    /// The domain.
    pub domain: String,
    /// Its settings (JSON of core's `Settings`).
    pub settings: String,
    /// The policy mode the last run saw (`""` before the first run).
    mode: String,
    /// The day that mode was first seen.
    mode_since: String,
}

/// Runs the watch for every watched domain at `now` (Unix seconds): what each domain's run did, as JSON for the
/// log. One domain's failure is logged and does not stop the others.
pub async fn run(env: &Env, cfg: &Config, now: i64) -> Result<Value> {
    let db = index::db(env)?;
    let watched = watched(&db).await?;
    let outbox = Outbox::new(env, cfg, now);
    let one = |w: &WatchedRow| {
        let (db, outbox) = (&db, &outbox);
        let w = w.clone();
        async move {
            let settings = match Settings::from_json(w.settings.as_bytes()) {
                Ok(s) => s,
                Err(d) => return json!({"domain": w.domain, "error": d.code.name()}),
            };
            match run_domain(env, cfg, db, outbox, &w, &settings, now).await {
                Ok(v) => v,
                Err(e) => {
                    worker::console_error!("watch {}: {e}", w.domain);
                    json!({"domain": w.domain, "error": e.to_string()})
                }
            }
        }
    };
    // a few domains at a time: each self-check may wait on DNS and a policy host (the run's wall time is
    // bounded), and one domain's failure is logged without stopping the others
    let mut done = Vec::new();
    for group in watched.chunks(PARALLEL_DOMAINS) {
        done.extend(futures_util::future::join_all(group.iter().map(one)).await);
    }
    Ok(json!({"domains": done}))
}

/// Domains watched at once in a run.
const PARALLEL_DOMAINS: usize = 4;

async fn run_domain(
    env: &Env,
    cfg: &Config,
    db: &D1Database,
    outbox: &Outbox<'_>,
    w: &WatchedRow,
    settings: &Settings,
    now: i64,
) -> Result<Value> {
    let domain = w.domain.as_str();
    let today = time::day(now);
    let day = day_before(&today, 1);
    let hour = (now.rem_euclid(86_400) / 3600) as u8;
    let quiet = settings.quiet_hours.is_some_and(|q| q.contains(hour));
    let mut facts = gather(db, domain, &day).await?;

    // the policy senders get: the one served here, else the one the self-check fetched
    let served = env
        .kv(store::BINDING)?
        .get(&store::policy_key(domain))
        .text()
        .await
        .map_err(crate::ingest::kv_err)?;
    let (check_facts, verdict) = live_check::run(env, cfg, domain).await?;
    let mut ours: Vec<String> = cfg
        .report_mailto
        .iter()
        .map(|m| format!("mailto:{m}"))
        .collect();
    if served.is_some() {
        ours.push(format!("https://mta-sts.{domain}/v1/tlsrpt"));
    }
    facts.dns_mx = match &check_facts.mx {
        mtasts_core::check::Dns::Records(r) => Some(r.clone()),
        mtasts_core::check::Dns::NoSuchName => Some(Vec::new()),
        _ => None,
    };
    facts.self_check = Some(SelfCheck::of(&check_facts, &verdict, ours));
    facts.policy = served.or(verdict.policy_text.clone());

    // the mode's start: remembered from the first run that saw it
    let mode = facts
        .policy
        .as_deref()
        .and_then(|t| policy::lint(t).policy)
        .map_or("", |p| p.mode.as_str());
    let mode_since = if mode == w.mode && !w.mode_since.is_empty() {
        w.mode_since.clone()
    } else {
        let first = facts.first_report_day().map(str::to_owned);
        // first sight of the domain: its reports say how long it has been like this; a change starts today
        let since = if w.mode.is_empty() {
            first.unwrap_or_else(|| today.clone())
        } else {
            today.clone()
        };
        index::stmt(
            db,
            "UPDATE watch_settings SET mode = ?2, mode_since = ?3 WHERE domain = ?1",
            &[s(domain), s(mode), s(&since)],
        )?
        .run()
        .await?;
        since
    };
    facts.mode_since = Some(mode_since);

    let ev = watch::evaluate(&facts, settings);
    let rows = alert_rows(db, domain).await?;
    let changes = watch::reconcile(&rows, &ev, &today);
    let cat = Catalog::get(settings.language());
    let mut sent = Vec::new();
    let mut batch = Vec::new();
    for a in &changes.reopened {
        batch.push(index::stmt(
            db,
            "UPDATE watch_alerts SET resolved = NULL WHERE domain = ?1 AND key = ?2",
            &[s(domain), s(&a.key())],
        )?);
    }
    if !quiet {
        for row in &changes.resolved {
            batch.push(index::stmt(
                db,
                "UPDATE watch_alerts SET resolved = ?3 WHERE domain = ?1 AND key = ?2",
                &[s(domain), s(&row.key), s(&today)],
            )?);
        }
    }
    if !batch.is_empty() {
        db.batch(batch).await?;
    }
    for a in changes.opened.iter().chain(&changes.unsent) {
        let notice = Notice::alert(domain, &day, a, &cat);
        let notified = !quiet && settings.notifies();
        index::stmt(
            db,
            "INSERT INTO watch_alerts (domain, key, code, opened, resolved, notified, evidence) \
             VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6) ON CONFLICT (domain, key) DO UPDATE SET \
             code = excluded.code, resolved = NULL, notified = excluded.notified, evidence = excluded.evidence, \
             opened = CASE WHEN watch_alerts.resolved IS NULL THEN watch_alerts.opened ELSE excluded.opened END",
            &[
                s(domain),
                s(&a.key()),
                s(a.diag.code.name()),
                s(&today),
                index::n(u64::from(notified)),
                s(&notice.data.to_string()),
            ],
        )?
        .run()
        .await?;
        if notified {
            sent.push(outbox.deliver(db, settings, &notice, &a.key()).await?);
        }
    }
    if !quiet && settings.notifies() {
        for row in changes.resolved.iter().filter(|r| r.notified) {
            let notice = Notice::resolved(domain, &day, row, &cat);
            sent.push(outbox.deliver(db, settings, &notice, &row.key).await?);
        }
    }
    // the digest of yesterday, once, from the digest hour on (reports of a day arrive in the hours after it)
    if settings.digest && settings.notifies() && !quiet && hour >= settings.digest_hour {
        let notice = Notice::digest(&Digest::of(&facts), &ev.alerts, &cat);
        if let Some(r) = outbox.deliver_digest(db, settings, &notice).await? {
            sent.push(r);
        }
    }
    Ok(json!({
        "domain": domain,
        "day": day,
        "quiet": quiet,
        "firing": ev.alerts.iter().map(|a| a.key()).collect::<Vec<_>>(),
        "opened": changes.opened.len(),
        "resolved": changes.resolved.len(),
        "sent": sent,
    }))
}

#[derive(Deserialize)]
struct AlertRowDb {
    key: String,
    code: String,
    opened: String,
    resolved: Option<String>,
    notified: f64,
}

async fn alert_rows(db: &D1Database, domain: &str) -> Result<Vec<AlertRow>> {
    let rows = index::stmt(
        db,
        "SELECT key, code, opened, resolved, notified FROM watch_alerts WHERE domain = ?1",
        &[s(domain)],
    )?
    .all()
    .await?
    .results::<AlertRowDb>()?;
    Ok(rows
        .into_iter()
        .map(|r| AlertRow {
            key: r.key,
            code: r.code,
            opened: r.opened,
            resolved: r.resolved,
            notified: r.notified != 0.0,
        })
        .collect())
}

#[derive(Deserialize)]
struct DayRow {
    day: String,
    reports: f64,
    successful: f64,
    failed: f64,
}

#[derive(Deserialize)]
struct TallyRow {
    name: Option<String>,
    failed: f64,
}

#[derive(Deserialize)]
struct SenderRow {
    organization: String,
    last_day: String,
}

#[derive(Deserialize)]
struct LastRow {
    day: Option<String>,
}

/// The rollups of `domain` for the judged `day` and the lookback before it, in one D1 batch.
pub async fn gather(db: &D1Database, domain: &str, day: &str) -> Result<Facts> {
    let from = day_before(day, watch::LOOKBACK_DAYS);
    let v: Vec<JsValue> = vec![s(domain), s(&from), s(day), index::n(TOP_IPS)];
    let tally = |col: &str, table: &str, extra: &str| {
        format!(
            "SELECT {col} AS name, TOTAL(failed) AS failed FROM {table} WHERE domain = ?1 AND day = ?3 \
             GROUP BY {col} ORDER BY failed DESC, name {extra}"
        )
    };
    let sql = [
        "SELECT day, TOTAL(reports) AS reports, TOTAL(successful) AS successful, TOTAL(failed) AS failed \
         FROM daily_reports WHERE domain = ?1 AND day >= ?2 AND day <= ?3 GROUP BY day"
            .to_owned(),
        tally("result_type", "daily_failures", ""),
        "SELECT DISTINCT result_type AS name, 0 AS failed FROM daily_failures WHERE domain = ?1 AND day < ?3 \
         AND failed > 0"
            .to_owned(),
        tally("mx_host", "daily_failures", ""),
        tally("sending_ip", "failures", "LIMIT ?4"),
        tally("organization", "daily_failures", ""),
        "SELECT organization, MAX(day) AS last_day FROM daily_reports WHERE domain = ?1 AND day >= ?2 \
         AND day <= ?3 AND reports > 0 GROUP BY organization"
            .to_owned(),
        "SELECT MAX(day) AS day FROM daily_reports WHERE domain = ?1 AND reports > 0".to_owned(),
    ];
    let res = index::batch_bound(db, &sql, &v).await?;
    let get = |i: usize| res.get(i);
    let tallies = |i: usize| -> Result<Vec<Tally>> {
        Ok(get(i)?
            .results::<TallyRow>()?
            .into_iter()
            .map(|t| Tally {
                name: t.name.unwrap_or_default(),
                failed: count(t.failed),
            })
            .collect())
    };
    Ok(Facts {
        domain: domain.to_owned(),
        day: day.to_owned(),
        days: get(0)?
            .results::<DayRow>()?
            .into_iter()
            .map(|d| watch::DayTotals {
                day: d.day,
                reports: count(d.reports),
                successful: count(d.successful),
                failed: count(d.failed),
            })
            .collect(),
        result_types: tallies(1)?,
        known_result_types: tallies(2)?.into_iter().map(|t| t.name).collect(),
        failing_mx: tallies(3)?,
        failing_ips: tallies(4)?,
        failing_orgs: tallies(5)?,
        senders: get(6)?
            .results::<SenderRow>()?
            .into_iter()
            .map(|r| watch::Sender {
                organization: r.organization,
                last_day: r.last_day,
            })
            .collect(),
        last_report_day: get(7)?
            .results::<LastRow>()?
            .into_iter()
            .next()
            .and_then(|r| r.day),
        ..Facts::default()
    })
}

/// A domain's stored settings, if it is watched (settings that no longer read are the defaults).
pub async fn load_settings(db: &D1Database, domain: &str) -> Result<Option<Settings>> {
    #[derive(Deserialize)]
    struct Row {
        settings: String,
    }
    let row = index::stmt(
        db,
        "SELECT settings FROM watch_settings WHERE domain = ?1",
        &[s(domain)],
    )?
    .first::<Row>(None)
    .await?;
    Ok(row.map(|r| Settings::from_json(r.settings.as_bytes()).unwrap_or_default()))
}

/// Stores a domain's settings (already checked by [`Settings::from_json`]).
pub async fn store_settings(
    db: &D1Database,
    domain: &str,
    settings: &Settings,
    now: i64,
) -> Result<()> {
    let text =
        serde_json::to_string(settings).map_err(|e| worker::Error::RustError(e.to_string()))?;
    index::stmt(
        db,
        "INSERT INTO watch_settings (domain, settings, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT (domain) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
        &[s(domain), s(&text), index::n(now.max(0) as u64)],
    )?
    .run()
    .await?;
    Ok(())
}

/// An alert open now.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct OpenAlert {
    /// Its key (code and subject).
    pub key: String,
    /// Its code.
    pub code: String,
    /// The day it opened.
    pub opened: String,
    /// Whether its message went out (0 while quiet hours hold it).
    pub notified: f64,
    /// The notice's structured facts (JSON).
    pub evidence: String,
}

/// The alerts of `domain` open now, oldest first.
pub async fn open_alerts(db: &D1Database, domain: &str) -> Result<Vec<OpenAlert>> {
    index::stmt(
        db,
        "SELECT key, code, opened, notified, evidence FROM watch_alerts WHERE domain = ?1 \
         AND resolved IS NULL ORDER BY opened, key",
        &[s(domain)],
    )?
    .all()
    .await?
    .results::<OpenAlert>()
}

/// One notice sent, with its delivery attempts.
#[derive(Debug, Clone, Deserialize)]
pub struct Sent {
    /// Its row id (the history's paging key).
    pub id: f64,
    /// The judged day.
    pub day: String,
    /// `digest`, `alert` or `resolved`.
    pub kind: String,
    /// The alert's key (`""` for a digest).
    pub key: String,
    /// When it was sent (Unix seconds).
    pub sent_at: f64,
    /// Its title and text as sent.
    pub title: String,
    /// The whole text.
    pub text: String,
    /// Its structured facts (JSON).
    pub data: String,
    /// Its delivery attempts.
    #[serde(skip)]
    pub deliveries: Vec<Delivery>,
}

/// One delivery attempt.
#[derive(Debug, Clone, Deserialize)]
pub struct Delivery {
    /// The notice's id.
    pub history: f64,
    /// The webhook URL or `mailto:` address.
    pub channel: String,
    /// 1, 2, 3.
    pub attempt: f64,
    /// When (Unix seconds).
    pub at: f64,
    /// The HTTP status (0: no answer).
    pub status: f64,
    /// Whether it got through.
    pub ok: f64,
    /// Why not.
    pub error: String,
}

/// The notices sent for `domain` before the id `before`, newest first, at most `limit`.
pub async fn history(db: &D1Database, domain: &str, before: u64, limit: u64) -> Result<Vec<Sent>> {
    let mut rows = index::stmt(
        db,
        "SELECT id, day, kind, key, sent_at, title, text, data FROM watch_history INDEXED BY \
         watch_history_by_domain WHERE domain = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3",
        &[s(domain), index::n(before), index::n(limit)],
    )?
    .all()
    .await?
    .results::<Sent>()?;
    let ids = serde_json::to_string(&rows.iter().map(|r| count(r.id)).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let deliveries = index::stmt(
        db,
        "SELECT history, channel, attempt, at, status, ok, error FROM watch_deliveries \
         WHERE history IN (SELECT value FROM json_each(?1)) ORDER BY history, id",
        &[s(&ids)],
    )?
    .all()
    .await?
    .results::<Delivery>()?;
    for r in &mut rows {
        r.deliveries = deliveries
            .iter()
            .filter(|d| d.history == r.id)
            .cloned()
            .collect();
    }
    Ok(rows)
}
