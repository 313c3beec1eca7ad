//! `POST /api/reindex`: rebuilds the D1 index from the report bytes in KV, the upgrade path for a deployment
//! that stored reports before the index existed, and the repair after an index write failed once the bytes
//! were stored. One call handles one bounded batch of KV keys and answers with the cursor of the next; a report
//! the index has already is counted as such, so re-running is safe.

use crate::index::{self, Inserted};
use crate::ingest::{kv_err, new_report};
use crate::store::{self, Meta};
use crate::Config;
use mtasts_core::i18n::Catalog;
use mtasts_core::report::{self, rollup};
use serde_json::{json, Value};
use worker::{Env, Result};

/// KV keys read per call when `limit` is not given.
pub const DEFAULT_BATCH: u64 = 50;
/// The most KV keys one call reads (each is a KV read and a D1 batch: the per-invocation limits bind).
pub const MAX_BATCH: u64 = 200;

/// The policy domain and day a report key names (`report:<domain>:<day>:<hash>`).
fn key_parts(key: &str) -> Option<(&str, &str)> {
    let rest = key.strip_prefix("report:")?;
    let mut it = rest.rsplitn(3, ':');
    let _hash = it.next()?;
    let day = it.next()?;
    let domain = it.next()?;
    Some((domain, day))
}

/// Indexes the next batch: `{indexed, already, unreadable: [{key, code, message}], cursor}`; `None` when KV
/// refuses the `cursor` (one it never gave: the caller's mistake, not our storage failing).
pub async fn batch(
    env: &Env,
    cfg: &Config,
    cat: &Catalog,
    cursor: Option<String>,
    limit: u64,
) -> Result<Option<Value>> {
    let kv = env.kv(store::BINDING)?;
    let db = index::db(env)?;
    let mut list = kv.list().prefix("report:".into()).limit(limit);
    let had_cursor = cursor.is_some();
    if let Some(c) = cursor {
        list = list.cursor(c);
    }
    let page = match list.execute().await {
        Ok(p) => p,
        Err(_) if had_cursor => return Ok(None),
        Err(e) => return Err(kv_err(e)),
    };
    let (mut indexed, mut already, mut unreadable) = (0u64, 0u64, Vec::new());
    for k in &page.keys {
        let (bytes, meta) = kv
            .get(&k.name)
            .bytes_with_metadata::<Meta>()
            .await
            .map_err(kv_err)?;
        let Some(bytes) = bytes else { continue };
        let Some((domain, _)) = key_parts(&k.name) else {
            unreadable.push(json!({"key": k.name, "code": "api/bad-key"}));
            continue;
        };
        let loaded = match report::load(&bytes, cfg.stored_limits()) {
            Ok(l) => l,
            Err(d) => {
                unreadable.push(
                    json!({"key": k.name, "code": d.code.name(), "message": cat.message(&d)}),
                );
                continue;
            }
        };
        let meta = meta.unwrap_or_else(|| Meta::unknown(bytes.len()));
        let via = if meta.via.is_empty() {
            "https"
        } else {
            meta.via.as_str()
        };
        for l in &loaded {
            if rollup::count_past_exact(&l.report).is_some() {
                unreadable.push(json!({"key": k.name, "code": "ingest/count-too-large"}));
                continue;
            }
            let row = new_report(
                l,
                domain,
                &k.name,
                (via, &meta.from, &meta.dkim),
                meta.at,
                bytes.len(),
            );
            if index::find(&db, &row.identity).await?.is_some() {
                already += 1;
                continue;
            }
            match index::insert(&db, &row, &rollup::rows(&l.report)).await? {
                Inserted::Stored => indexed += 1,
                Inserted::Duplicate => already += 1,
            }
        }
    }
    let next = (!page.list_complete).then_some(page.cursor).flatten();
    Ok(Some(json!({
        "keys": page.keys.len(), "indexed": indexed, "already": already, "unreadable": unreadable, "cursor": next,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_parts_table() {
        for (key, want) in [
            (
                "report:example.com:2026-11-30:0123abcd",
                Some(("example.com", "2026-11-30")),
            ),
            (
                "report:a.b.example:0000-00-00:ff",
                Some(("a.b.example", "0000-00-00")),
            ),
            ("policy:example.com", None),
            ("report:example.com", None),
        ] {
            assert_eq!(key_parts(key), want, "{key}");
        }
    }
}
