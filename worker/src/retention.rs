//! Retention, on the hourly cron trigger (`[triggers] crons` in `wrangler.toml`): reports older than
//! `RETENTION_DAYS` lose their index rows, their share of the rollups and their bytes in KV; the watch's notices,
//! their delivery attempts and the alerts resolved before then go too. Bounded work per run (the per-invocation
//! limits of KV and D1); what is left is taken by the next run, and the answer says so.

use crate::index::{self, count, s};
use crate::ingest::kv_err;
use crate::store;
use mtasts_core::report::time;
use serde::Deserialize;
use serde_json::{json, Value};
use worker::{Env, Result};

/// Days kept when `RETENTION_DAYS` is not set.
pub const DEFAULT_DAYS: u64 = 400;
/// Reports removed per round; rounds per run.
const ROUND: u64 = 100;
const ROUNDS: u64 = 5;

#[derive(Deserialize)]
struct Old {
    id: f64,
    kv_key: String,
}

/// Removes what is older than `days` before `now` (Unix seconds): `{cutoff, removed, more}`.
pub async fn run(env: &Env, now: u64, days: u64) -> Result<Value> {
    let cutoff = time::day(now as i64 - (days as i64).saturating_mul(86_400));
    let db = index::db(env)?;
    let kv = env.kv(store::BINDING)?;
    let mut removed = 0u64;
    let mut more = false;
    for _ in 0..ROUNDS {
        let old = index::stmt(
            &db,
            "SELECT id, kv_key FROM reports WHERE day < ?1 ORDER BY day, id LIMIT ?2",
            &[s(&cutoff), index::n(ROUND)],
        )?
        .all()
        .await?
        .results::<Old>()?;
        if old.is_empty() {
            break;
        }
        let ids = serde_json::to_string(&old.iter().map(|o| count(o.id)).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());
        // the bytes first: a crash between leaves index rows whose bytes are gone, which the next run removes
        let deletes = old.iter().map(|o| kv.delete(&o.kv_key));
        for r in futures_util::future::join_all(deletes).await {
            r.map_err(kv_err)?;
        }
        let ids_in = "IN (SELECT value FROM json_each(?1))";
        let batch = vec![
            index::stmt(
                &db,
                &format!("DELETE FROM failures WHERE report {ids_in}"),
                &[s(&ids)],
            )?,
            index::stmt(
                &db,
                &format!("DELETE FROM policies WHERE report {ids_in}"),
                &[s(&ids)],
            )?,
            index::stmt(
                &db,
                &format!("DELETE FROM reports WHERE id {ids_in}"),
                &[s(&ids)],
            )?,
        ];
        db.batch(batch).await?;
        removed += old.len() as u64;
        more = old.len() as u64 == ROUND;
        if !more {
            break;
        }
    }
    // the rollups of those days: rows of reports in them are gone or going (the next run finishes them)
    let mut batch = Vec::new();
    for table in [
        "daily_reports",
        "daily_policy_types",
        "daily_failures",
        "daily_arrivals",
    ] {
        batch.push(index::stmt(
            &db,
            &format!("DELETE FROM {table} WHERE day < ?1"),
            &[s(&cutoff)],
        )?);
    }
    // the watch's history past the same age: notices (their delivery attempts go with them, by the foreign key
    // and explicitly, D1 not enforcing it everywhere) and alerts resolved before the cutoff
    let cutoff_unix = now.saturating_sub(days.saturating_mul(86_400));
    batch.push(index::stmt(
        &db,
        "DELETE FROM watch_deliveries WHERE history IN (SELECT id FROM watch_history WHERE sent_at < ?1)",
        &[index::n(cutoff_unix)],
    )?);
    batch.push(index::stmt(
        &db,
        "DELETE FROM watch_history WHERE sent_at < ?1",
        &[index::n(cutoff_unix)],
    )?);
    batch.push(index::stmt(
        &db,
        "DELETE FROM watch_alerts WHERE resolved IS NOT NULL AND resolved < ?1",
        &[s(&cutoff)],
    )?);
    db.batch(batch).await?;
    Ok(json!({"cutoff": cutoff, "removed": removed, "more": more}))
}
