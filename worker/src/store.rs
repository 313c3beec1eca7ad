//! The KV layout, in one place.
//!
//! - `policy:<domain>` → the policy text (linted before it is stored).
//! - `report:<policy-domain>:<YYYY-MM-DD>:<hash>` → the report bytes exactly as the sender posted them (gzip,
//!   JSON or the whole e-mail), with how they arrived as KV metadata (what `POST /api/reindex` needs to rebuild
//!   the D1 index from KV alone). `<hash>` is 20 hex digits of SHA-256 over (organization, report-id). Listing
//!   and summing go through the D1 index ([`crate::index`]), never through KV.
//!
//! KV limits respected by design: keys stay far below 512 bytes (domain ≤ 253), metadata is capped at 1,024
//! bytes by truncating its strings, values are capped by the ingest size limit (well below 25 MiB).

use serde::{Deserialize, Serialize};

/// KV binding name.
pub const BINDING: &str = "MTASTS";

/// KV's limit on a key's length: a longer key was never stored (and KV would answer 414).
pub const MAX_KEY_BYTES: usize = 512;

/// Key of a domain's policy.
pub fn policy_key(domain: &str) -> String {
    format!("policy:{domain}")
}

/// Key of what the live check last saw for a domain: its `_mta-sts` id and policy hash (RFC 8461 §3.1 drift).
pub fn check_seen_key(domain: &str) -> String {
    format!("check-seen:{domain}")
}

/// What the live check last saw for a domain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    /// The `_mta-sts` id.
    pub id: String,
    /// The policy's content hash.
    pub policy_hash: String,
}

/// Key of a stored report: its policy domain, day, and the first 20 hex digits of its identity (core's
/// `rollup::identity_hash`, SHA-256 over organization and report-id).
pub fn report_key(domain: &str, day: &str, identity: &str) -> String {
    let hex = identity.get(..20).unwrap_or(identity);
    let day = if day.is_empty() { "0000-00-00" } else { day };
    format!("report:{domain}:{day}:{hex}")
}

/// The summary kept as KV metadata of a report (short field names: the whole must fit in 1,024 bytes).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Meta {
    /// Sending organization.
    pub org: String,
    /// Report id.
    pub id: String,
    /// Start of the report period (as written).
    pub start: String,
    /// End of the report period.
    pub end: String,
    /// Policy entries.
    #[serde(with = "mtasts_core::output::js_count")]
    pub p: u64,
    /// Successful sessions.
    #[serde(with = "mtasts_core::output::js_count")]
    pub s: u64,
    /// Failed sessions.
    #[serde(with = "mtasts_core::output::js_count")]
    pub f: u64,
    /// Failure-detail rows.
    #[serde(with = "mtasts_core::output::js_count")]
    pub fd: u64,
    /// `gzip` or `json`: how the stored bytes are encoded.
    pub enc: String,
    /// Stored size in bytes.
    pub size: u64,
    /// Unix time of receipt (seconds).
    pub at: u64,
    /// How it arrived: `https` (RFC 8460 §5.4) or `email` (§5.3).
    #[serde(default)]
    pub via: String,
    /// The envelope sender of an e-mail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// The DKIM verdict of an e-mail (RFC 8460 §3): `pass <domain>`, or why it was taken without one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dkim: String,
}

fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

impl Meta {
    /// The metadata of stored bytes that have none (written by hand, or by a release before metadata): an
    /// HTTPS arrival of unknown time.
    pub fn unknown(size: usize) -> Meta {
        Meta {
            size: size as u64,
            via: "https".into(),
            ..Meta::default()
        }
    }

    /// Truncates long strings so the serialized metadata stays under KV's 1,024-byte limit.
    pub fn fit(mut self) -> Self {
        self.org = clip(&self.org, 180);
        self.id = clip(&self.id, 260);
        self.start = clip(&self.start, 40);
        self.end = clip(&self.end, 40);
        self.from = clip(&self.from, 100);
        self.dkim = clip(&self.dkim, 120);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_domain_then_day_and_fit_limits() {
        let (x, y) = (
            "0123456789abcdef0123456789abcdef",
            "fedcba9876543210fedcba9876543210",
        );
        let a = report_key("example.com", "2024-01-02", x);
        let b = report_key("example.com", "2024-01-10", x);
        assert!(a < b);
        assert_eq!(report_key("example.com", "2024-01-02", x), a);
        assert_ne!(report_key("example.com", "2024-01-02", y), a);
        assert!(report_key(&"a".repeat(253), "2024-01-02", x).len() < MAX_KEY_BYTES);
        let m = Meta {
            org: "o".repeat(5000),
            id: "é".repeat(3000),
            start: "s".repeat(100),
            end: String::new(),
            p: u64::MAX,
            s: u64::MAX,
            f: u64::MAX,
            fd: u64::MAX,
            enc: "gzip".into(),
            size: u64::MAX,
            at: u64::MAX,
            via: "email".into(),
            from: "b".repeat(5000),
            dkim: "d".repeat(5000),
        }
        .fit();
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert!(!json.is_empty() && json.len() <= 1024, "{}", json.len());
        // counts past 2^53 travel as text (JavaScript numbers cannot hold them) and read back exact
        assert!(json.contains("\"s\":\"18446744073709551615\""), "{json}");
        let back: Meta = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back.s, u64::MAX);
        let small: Meta = serde_json::from_str(
            r#"{"org":"o","id":"i","start":"","end":"","p":1,"s":9007199254740991,"f":0,"fd":0,"enc":"json","size":1,"at":1}"#,
        )
        .expect("metadata stored before `via` existed");
        assert_eq!((small.s, small.via.as_str()), (9_007_199_254_740_991, ""));
    }
}
