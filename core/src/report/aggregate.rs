//! Totals and breakdowns over many reports: what the viewer's dashboard, the CLI's `report` command and the
//! worker's `/api/summary` all show. Reports are deduplicated by (organization, report-id): RFC 8460 §4.3 makes
//! `report-id` unique per sender, and the same report often arrives twice (e-mail and HTTPS, or a re-upload).

use super::model::{Report, Text};
use super::tally::{Entry, Tally};
use super::time;
use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// Which reports and policies count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only policies for this policy domain (case-insensitive).
    pub domain: Option<String>,
    /// Only reports starting at or after this Unix time.
    pub from: Option<i64>,
    /// Only reports starting before this Unix time.
    pub to: Option<i64>,
}

impl Filter {
    fn report_ok(&self, start: Option<i64>) -> bool {
        match start {
            Some(t) => self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|to| t < to),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
    fn domain_ok(&self, d: &str) -> bool {
        self.domain.as_deref().is_none_or(|want| {
            want.trim_end_matches('.')
                .eq_ignore_ascii_case(d.trim_end_matches('.'))
        })
    }
}

/// Sessions for one key of a breakdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The key: an organization, a domain, a policy type, a day, …
    pub key: String,
    /// Reports that contributed.
    pub reports: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
}

/// Failed sessions for one key of a failure-detail breakdown (result type, receiving MX, sending IP).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureBucket {
    /// The key.
    pub key: String,
    /// Failed sessions (sum of `failed-session-count`).
    pub failed: u64,
}

/// Failed sessions for a pair of keys: (result type, receiving MX), or (day, result type).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairBucket {
    /// The first key (the result type; the day).
    pub key: String,
    /// The second key (the receiving MX; the result type).
    pub second: String,
    /// Failed sessions (sum of `failed-session-count`).
    pub failed: u64,
}

/// What separates the two keys of a pair in the aggregator's maps (no report text holds it legitimately, and a
/// report that does only merges its own pairs).
const PAIR: char = '\u{1}';

impl PairBucket {
    /// Splits a joined key (`first` U+0001 `second`), as the aggregator's maps and the worker's rollup queries
    /// (`a || char(1) || b`) write it.
    pub fn from_joined(joined: &str, failed: u64) -> PairBucket {
        let (key, second) = joined.split_once(PAIR).unwrap_or((joined, ""));
        PairBucket {
            key: key.to_owned(),
            second: second.to_owned(),
            failed,
        }
    }
}

/// One failure-detail row, flattened with its report and policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureRow {
    /// Sending organization.
    pub organization: String,
    /// Report id.
    pub report_id: String,
    /// Day the report starts (`YYYY-MM-DD`, UTC).
    pub day: String,
    /// Policy type.
    pub policy_type: String,
    /// Policy domain.
    pub policy_domain: String,
    /// Result type.
    pub result_type: String,
    /// Sending MTA IP.
    pub sending_mta_ip: String,
    /// Receiving MX host name.
    pub receiving_mx_hostname: String,
    /// Receiving IP.
    pub receiving_ip: String,
    /// Failed sessions.
    pub failed_session_count: u64,
    /// Free-text reason code.
    pub failure_reason_code: String,
    /// Link to more information (untrusted: shown as text, linked only when it is https).
    pub additional_information: String,
}

/// What a top-N breakdown left out: how many keys (or rows), and their failed sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rest {
    /// Keys (for failure rows: rows) not listed.
    pub count: u64,
    /// Their failed sessions.
    pub failed: u64,
}

impl Rest {
    /// What a list of `keys` keys (or rows) with `failed` failed sessions in all leaves out when it shows the
    /// ones whose failed sessions are `shown`: the one rule the aggregator, the worker's summary and the CLI use.
    pub fn beyond(keys: u64, failed: u64, shown: impl IntoIterator<Item = u64>) -> Rest {
        let (n, f) = shown
            .into_iter()
            .fold((0u64, 0u64), |(n, f), x| (n + 1, f.saturating_add(x)));
        Rest {
            count: keys.saturating_sub(n),
            failed: failed.saturating_sub(f),
        }
    }
}

/// The rest of the long breakdowns, beyond the top `N` listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct More {
    /// Beyond [`Summary::by_receiving_mx`].
    pub by_receiving_mx: Rest,
    /// Beyond [`Summary::by_sending_ip`].
    pub by_sending_ip: Rest,
    /// Beyond [`Summary::failures`].
    pub failures: Rest,
}

/// Rows of the long breakdowns (sending IPs, receiving MX hosts, failure rows) a summary lists by default; the
/// rest are totalled in [`Summary::more`]. The worker's `/api/summary` and the CLI use the same default.
pub const DEFAULT_TOP: usize = 100;

/// Everything the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Unique reports counted.
    pub reports: u64,
    /// Reports seen again and not counted.
    pub duplicates: u64,
    /// Policy entries counted.
    pub policies: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
    /// successful / (successful + failed), `None` when there were no sessions.
    pub success_rate: Option<f64>,
    /// First and last day covered.
    pub first_day: Option<String>,
    /// Last day covered.
    pub last_day: Option<String>,
    /// Per sending organization.
    pub by_organization: Vec<Bucket>,
    /// Per policy domain.
    pub by_policy_domain: Vec<Bucket>,
    /// Per policy type (`sts`, `tlsa`, `no-policy-found`, …).
    pub by_policy_type: Vec<Bucket>,
    /// Per day (by each report's start), in date order.
    pub by_day: Vec<Bucket>,
    /// Failed sessions per result type.
    pub by_result_type: Vec<FailureBucket>,
    /// Failed sessions per receiving MX, the top N.
    pub by_receiving_mx: Vec<FailureBucket>,
    /// Failed sessions per sending IP, the top N.
    pub by_sending_ip: Vec<FailureBucket>,
    /// Failure-detail rows, the top N in [`failure_order`].
    pub failures: Vec<FailureRow>,
    /// What the top-N lists left out.
    #[serde(default)]
    pub more: More,
    /// Failed sessions per (result type, receiving MX host), most first (the top N): the failure rows grouped
    /// by what failed and where (RFC 8460 §4.3 `result-type`, `receiving-mx-hostname`).
    #[serde(default)]
    pub by_result_and_mx: Vec<PairBucket>,
    /// Failed sessions per (day, result type), in day order: each result type's trend.
    #[serde(default)]
    pub by_day_and_result: Vec<PairBucket>,
}

type FastMap<V> = HashMap<Text, V, BuildHasherDefault<FxHasher>>;

/// A breakdown's bucket while aggregating, with the last report counted in it (so a report counts once per key
/// in O(1), however many policies it has).
#[derive(Debug, Default)]
struct Slot {
    bucket: Bucket,
    last_report: u64,
}

/// The buckets of a breakdown by key: the map holds positions in `slots`, so every map of the aggregator is
/// the same type (one instance of the hash table's code in the web app's wasm).
#[derive(Debug, Default)]
struct Buckets {
    at: FastMap<u64>,
    slots: Vec<Slot>,
}

/// Accumulates reports one at a time (so a UI can feed it in chunks).
///
/// Built for the 26 MB report of 100,000 failure details as much as for 1,000 small ones: map keys are
/// [`Text`] (inline up to 24 bytes, so most host names and IPs allocate nothing), looked up by `&str` before
/// anything is copied, hashed with FxHash, and only the failure rows that can still be in the top N are ever
/// materialized. FxHash is not keyed: a report crafted to collide could slow its own summary, but only the
/// summary of the reports a user chose to open (the worker's summary reads D1, not this); the input caps of
/// [`super::decode::Limits`] bound how much of that there can be.
#[derive(Debug)]
pub struct Aggregator {
    filter: Filter,
    top: Option<usize>,
    /// (organization, report id) of every report added, hashed with FxHash like the maps (with SipHash, 1,000
    /// small reports took 385 µs to aggregate instead of 273 µs).
    seen: HashSet<(String, String), BuildHasherDefault<FxHasher>>,
    s: Summary,
    /// Reports counted so far (the current report's number in [`Slot::last_report`]).
    counted: u64,
    org: Buckets,
    domain: Buckets,
    ptype: Buckets,
    day: BTreeMap<String, Bucket>,
    /// Result type → its number in `results` (a few distinct types: a small table, always in cache).
    result_id: FastMap<u64>,
    /// Failed sessions per result type, by number.
    results: Vec<(Text, u64)>,
    /// Failed sessions per (receiving MX, result type number): serves both `by_receiving_mx` and
    /// `by_result_and_mx`.
    mx: Tally,
    /// Failed sessions per sending IP.
    ip: Tally,
    /// `day PAIR result type` → failed.
    day_result: FastMap<u64>,
    /// The joined key being built (one buffer, no allocation per detail).
    joined: String,
    /// Failure rows that may be in the top N, with their arrival number (the last tie-break).
    rows: Vec<(u64, FailureRow)>,
    /// After a trim: the index in `rows` of the worst row kept; a row that orders after it is not kept.
    floor: Option<usize>,
    detail_rows: u64,
    detail_failed: u64,
}

impl Default for Aggregator {
    fn default() -> Self {
        Aggregator::new(Filter::default())
    }
}

/// Adds `ok`/`failed` sessions to `key`'s bucket, counting the report `report` once.
fn bump(map: &mut Buckets, key: &str, ok: u64, failed: u64, report: u64) {
    let i = match map.at.get(key) {
        Some(&i) => i as usize,
        None => {
            map.at.insert(Text::from(key), map.slots.len() as u64);
            map.slots.push(Slot {
                bucket: Bucket {
                    key: key.to_owned(),
                    ..Bucket::default()
                },
                last_report: 0,
            });
            map.slots.len() - 1
        }
    };
    let Some(slot) = map.slots.get_mut(i) else {
        return;
    };
    let b = &mut slot.bucket;
    b.successful = b.successful.saturating_add(ok);
    b.failed = b.failed.saturating_add(failed);
    if slot.last_report != report {
        slot.last_report = report;
        b.reports += 1;
    }
}

/// Result types summed in a short list per policy before each goes to the per-day map directly (RFC 8460 §4.3
/// defines 11; senders add a few of their own; a hostile report's thousands of made-up types just take the
/// direct path).
const LISTED_RESULT_TYPES: usize = 32;

/// Adds `n` failed sessions to `key`.
fn add_failed(map: &mut FastMap<u64>, key: &str, n: u64) {
    // a key that fits inline in a `Text` costs no allocation to build: one probe; a longer one is looked up by
    // `&str` first, so it is copied only when new
    if key.len() <= INLINE_TEXT {
        let v = map.entry(Text::from(key)).or_default();
        *v = v.saturating_add(n);
        return;
    }
    match map.get_mut(key) {
        Some(v) => *v = v.saturating_add(n),
        None => {
            map.insert(Text::from(key), n);
        }
    }
}

/// The longest string a [`Text`] holds without allocating (64-bit targets; on wasm32 it is 12, and longer keys
/// just take the two-step path).
const INLINE_TEXT: usize = std::mem::size_of::<Text>();

/// `s` in ASCII lower case, copied only when it has an upper-case letter.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The fields a failure row is ordered by.
struct RowKey<'a> {
    failed: u64,
    day: &'a str,
    organization: &'a str,
    report_id: &'a str,
    result_type: &'a str,
    mx: &'a str,
    ip: &'a str,
}

impl FailureRow {
    fn key(&self) -> RowKey<'_> {
        RowKey {
            failed: self.failed_session_count,
            day: &self.day,
            organization: &self.organization,
            report_id: &self.report_id,
            result_type: &self.result_type,
            mx: &self.receiving_mx_hostname,
            ip: &self.sending_mta_ip,
        }
    }
}

/// The order of failure rows everywhere (the CLI, the viewer and the worker's `/api/summary`): most failed
/// sessions first, newest day first, then organization, report id, result type, receiving MX and sending IP;
/// rows equal in all of those keep the order they arrived in.
pub fn failure_order(a: &FailureRow, b: &FailureRow) -> Ordering {
    key_order(&a.key(), &b.key())
}

fn key_order(a: &RowKey<'_>, b: &RowKey<'_>) -> Ordering {
    b.failed
        .cmp(&a.failed)
        .then_with(|| b.day.cmp(a.day))
        .then_with(|| a.organization.cmp(b.organization))
        .then_with(|| a.report_id.cmp(b.report_id))
        .then_with(|| a.result_type.cmp(b.result_type))
        .then_with(|| a.mx.cmp(b.mx))
        .then_with(|| a.ip.cmp(b.ip))
}

fn row_order(a: &(u64, FailureRow), b: &(u64, FailureRow)) -> Ordering {
    failure_order(&a.1, &b.1).then(a.0.cmp(&b.0))
}

impl Aggregator {
    /// An aggregator that counts only what `filter` lets through and lists the top [`DEFAULT_TOP`] of the long
    /// breakdowns.
    pub fn new(filter: Filter) -> Self {
        Aggregator {
            filter,
            top: Some(DEFAULT_TOP),
            seen: HashSet::default(),
            s: Summary::default(),
            counted: 0,
            org: Buckets::default(),
            domain: Buckets::default(),
            ptype: Buckets::default(),
            day: BTreeMap::new(),
            result_id: FastMap::default(),
            results: Vec::new(),
            mx: Tally::default(),
            ip: Tally::default(),
            day_result: FastMap::default(),
            joined: String::new(),
            rows: Vec::new(),
            floor: None,
            detail_rows: 0,
            detail_failed: 0,
        }
    }

    /// Lists the top `top` of the long breakdowns (`None`: every key and every failure row).
    pub fn with_top(mut self, top: Option<usize>) -> Self {
        self.top = top;
        self
    }

    /// True when this report ([`Report::identity`]) was already added.
    pub fn is_duplicate(&self, r: &Report) -> bool {
        self.seen.contains(&r.identity())
    }

    /// Adds a report; returns false (and counts a duplicate) when it was already added.
    pub fn add(&mut self, r: &Report) -> bool {
        let start = r.start().and_then(time::parse).map(|p| p.unix);
        if !self.seen.insert(r.identity()) {
            // a duplicate counts where its report would: inside the filter's dates and domain
            let in_domain = self.filter.domain.is_none()
                || r.policies()
                    .iter()
                    .any(|p| self.filter.domain_ok(p.domain()));
            if self.filter.report_ok(start) && in_domain {
                self.s.duplicates += 1;
            }
            return false;
        }
        if !self.filter.report_ok(start) {
            return true;
        }
        let day = start.map(time::day).unwrap_or_default();
        let details: usize = r.policies().iter().map(|p| p.details().len()).sum();
        self.mx.reserve(details);
        self.ip.reserve(details);
        let org = r.organization();
        let report = self.counted + 1;
        let mut counted = false;
        for p in r.policies() {
            if !self.filter.domain_ok(p.domain()) {
                continue;
            }
            counted = true;
            let (ok, failed) = (p.successful(), p.failed());
            self.s.policies += 1;
            self.s.successful = self.s.successful.saturating_add(ok);
            self.s.failed = self.s.failed.saturating_add(failed);
            bump(&mut self.org, org, ok, failed, report);
            let dom = lower(p.domain());
            bump(&mut self.domain, &dom, ok, failed, report);
            let pt = p.policy_type();
            bump(&mut self.ptype, pt, ok, failed, report);
            let b = match self.day.get_mut(day.as_str()) {
                Some(b) => b,
                None => self.day.entry(day.clone()).or_insert_with(|| Bucket {
                    key: day.clone(),
                    ..Bucket::default()
                }),
            };
            b.successful = b.successful.saturating_add(ok);
            b.failed = b.failed.saturating_add(failed);
            let mut per_type: Vec<(u32, u64)> = Vec::new();
            for fd in p.details() {
                let n = fd.count();
                let (mx, ip) = (
                    fd.receiving_mx_hostname.as_deref().unwrap_or(""),
                    fd.sending_mta_ip.as_deref().unwrap_or(""),
                );
                let id = self.result_number(fd.result());
                if let Some(r) = self.results.get_mut(id as usize) {
                    r.1 = r.1.saturating_add(n);
                }
                self.mx.add(&lower(mx), id, n);
                // the day is the report's: a policy's few result types are summed here first, and the per-day
                // map (a joined key) is touched once per type, not once per detail
                if let Some(e) = per_type.iter_mut().find(|(r, _)| *r == id) {
                    e.1 = e.1.saturating_add(n);
                } else if per_type.len() < LISTED_RESULT_TYPES {
                    per_type.push((id, n));
                } else {
                    self.add_day_result(&day, id, n);
                }
                self.ip.add(ip, 0, n);
                self.detail_rows += 1;
                self.detail_failed = self.detail_failed.saturating_add(n);
                let key = RowKey {
                    failed: n,
                    day: &day,
                    organization: org,
                    report_id: r.id(),
                    result_type: fd.result(),
                    mx,
                    ip,
                };
                self.keep_row(key, || FailureRow {
                    organization: org.to_owned(),
                    report_id: r.id().to_owned(),
                    day: day.clone(),
                    policy_type: pt.to_owned(),
                    policy_domain: dom.clone().into_owned(),
                    result_type: fd.result().to_owned(),
                    sending_mta_ip: ip.to_owned(),
                    receiving_mx_hostname: mx.to_owned(),
                    receiving_ip: fd.receiving_ip.as_deref().unwrap_or("").to_owned(),
                    failed_session_count: n,
                    failure_reason_code: fd.failure_reason_code.as_deref().unwrap_or("").to_owned(),
                    additional_information: fd
                        .additional_information
                        .as_deref()
                        .unwrap_or("")
                        .to_owned(),
                });
            }
            for (id, n) in per_type {
                self.add_day_result(&day, id, n);
            }
        }
        if counted {
            self.counted = report;
            self.s.reports += 1;
            if let Some(b) = self.day.get_mut(day.as_str()) {
                b.reports += 1;
            }
            if !day.is_empty() {
                if self.s.first_day.as_ref().is_none_or(|f| &day < f) {
                    self.s.first_day = Some(day.clone());
                }
                if self.s.last_day.as_ref().is_none_or(|l| &day > l) {
                    self.s.last_day = Some(day);
                }
            }
        }
        true
    }

    /// The number of result type `result` in `results`, given one when new.
    fn result_number(&mut self, result: &str) -> u32 {
        if let Some(&id) = self.result_id.get(result) {
            return id as u32;
        }
        let id = self.results.len() as u32;
        self.result_id.insert(Text::from(result), u64::from(id));
        self.results.push((Text::from(result), 0));
        id
    }

    /// Adds `n` failed sessions of result type number `id` on `day` (the `by_day_and_result` trend).
    fn add_day_result(&mut self, day: &str, id: u32, n: u64) {
        let Some((result, _)) = self.results.get(id as usize) else {
            return;
        };
        self.joined.clear();
        self.joined.push_str(day);
        self.joined.push(PAIR);
        self.joined.push_str(result);
        add_failed(&mut self.day_result, &self.joined, n);
    }

    /// Keeps a failure row when it can still be in the top N: compared with the worst row kept (no copy made
    /// for a row that cannot), and trimmed back to N when twice that many are kept.
    fn keep_row(&mut self, key: RowKey<'_>, row: impl FnOnce() -> FailureRow) {
        let Some(top) = self.top else {
            self.rows.push((self.detail_rows, row()));
            return;
        };
        if top == 0 {
            return;
        }
        if let Some(f) = self.floor {
            // a new row loses a tie with any kept row (it arrived later)
            if key_order(&key, &self.rows[f].1.key()) != Ordering::Less {
                return;
            }
        }
        self.rows.push((self.detail_rows, row()));
        if self.rows.len() >= top.saturating_mul(2).max(64) {
            self.trim(top);
        }
    }

    /// Keeps the top `top` rows and notes the worst of them.
    fn trim(&mut self, top: usize) {
        if top > 0 && self.rows.len() > top {
            let rows = std::mem::take(&mut self.rows);
            self.rows = head(rows, Some(top), row_order);
            self.floor = Some(top - 1);
        }
    }

    /// The summary (breakdowns sorted by failed, then by total sessions, then by key; the long ones cut to the
    /// top N with the rest in [`Summary::more`]).
    pub fn summary(mut self) -> Summary {
        let mut s = std::mem::take(&mut self.s);
        let total = s.successful.saturating_add(s.failed);
        s.success_rate = (total > 0).then(|| s.successful as f64 / total as f64);
        if let Some(top) = self.top {
            self.trim(top);
        }
        s.by_organization = sorted(self.org);
        s.by_policy_domain = sorted(self.domain);
        s.by_policy_type = sorted(self.ptype);
        s.by_day = self.day.values().cloned().collect();
        // each (MX, result type) sum is a pair; the sums of one MX are adjacent, and add up to its row. The lists
        // are ordered by position over the sums, and only the rows listed are copied out (a big report has
        // 100,000 of each)
        let sums = self.mx.into_sums();
        let mut mx_rows: Vec<(usize, u64)> = Vec::new();
        for (i, e) in sums.iter().enumerate() {
            match mx_rows.last_mut() {
                Some((first, failed)) if sums[*first].key == e.key => {
                    *failed = failed.saturating_add(e.n)
                }
                _ => mx_rows.push((i, e.n)),
            }
        }
        let (mx, mx_rest) = top_by_failed(mx_rows.len(), self.top, &|i| {
            (&sums[mx_rows[i].0].key, mx_rows[i].1)
        });
        let ips = self.ip.into_sums();
        let (ip, ip_rest) = top_by_failed(ips.len(), self.top, &|i| (&ips[i].key, ips[i].n));
        let result_of = |e: &Entry| {
            self.results
                .get(e.id() as usize)
                .map_or("", |r| r.0.as_str())
        };
        // the order of the joined keys the worker's SQL sorts by: failed, then result type, then MX
        let pairs = positions_in_order(sums.len(), self.top, &|a, b| {
            let (a, b) = (&sums[a], &sums[b]);
            b.n.cmp(&a.n)
                .then_with(|| result_of(a).cmp(result_of(b)))
                .then_with(|| a.key.cmp(&b.key))
        });
        s.by_result_and_mx = pairs
            .into_iter()
            .map(|i| PairBucket {
                key: result_of(&sums[i]).into(),
                second: sums[i].key.to_string(),
                failed: sums[i].n,
            })
            .collect();
        s.by_result_type = top_of(self.results, None).0;
        s.by_receiving_mx = mx;
        s.by_sending_ip = ip;
        // in day order: the joined keys sort by day (fixed width), then by result type
        let by_day: Vec<(Text, u64)> = self.day_result.into_iter().collect();
        s.by_day_and_result = head(by_day, None, |a, b| a.0.cmp(&b.0))
            .into_iter()
            .map(|(k, failed)| PairBucket::from_joined(&k, failed))
            .collect();
        s.failures = head(self.rows, None, row_order)
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        s.more = More {
            by_receiving_mx: mx_rest,
            by_sending_ip: ip_rest,
            failures: Rest::beyond(
                self.detail_rows,
                self.detail_failed,
                s.failures.iter().map(|r| r.failed_session_count),
            ),
        };
        s
    }
}

/// The positions of the first `top` of `n` items in `cmp`'s order (all of them when `top` is `None`), in that
/// order; items `cmp` finds equal keep their order. Every list of the summary is ordered through this one
/// non-generic function, and so are the web app's tables: each instance of the standard library's sorts costs
/// the web app's wasm kilobytes.
///
/// For a top N it makes one pass: each item is compared with the worst of those kept so far (one comparison for
/// most of 100,000 sending IPs), and the kept ones are cut back to N whenever they reach twice that; an input
/// in reverse order costs `n log N` comparisons, never a full sort.
pub fn positions_in_order(
    n: usize,
    top: Option<usize>,
    cmp: &dyn Fn(usize, usize) -> Ordering,
) -> Vec<usize> {
    let keep = top.unwrap_or(n).min(n);
    if keep == 0 {
        return Vec::new();
    }
    if keep == n {
        let mut idx: Vec<usize> = (0..n).collect();
        sort_idx(&mut idx, cmp);
        return idx;
    }
    let mut kept: Vec<usize> = Vec::new();
    let mut worst: Option<usize> = None;
    let cut = keep.saturating_mul(2).max(64);
    for i in 0..n {
        // an item equal to the worst kept arrived later: it orders after it
        if worst.is_some_and(|w| cmp(i, w) != Ordering::Less) {
            continue;
        }
        kept.push(i);
        if kept.len() >= cut {
            // stable: of equal items, the earlier (nearer the front of `kept`) stays first
            sort_idx(&mut kept, cmp);
            kept.truncate(keep);
            worst = kept.last().copied();
        }
    }
    sort_idx(&mut kept, cmp);
    kept.truncate(keep);
    kept
}

/// Sorts positions by `cmp` (the one instance of the standard sort in the aggregator).
fn sort_idx(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|a, b| cmp(*a, *b));
}

/// The first `top` of `items` in `cmp`'s order (all of them when `top` is `None`), in that order.
fn head<T: Default>(
    mut items: Vec<T>,
    top: Option<usize>,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    let idx = positions_in_order(items.len(), top, &|a, b| cmp(&items[a], &items[b]));
    idx.iter().map(|&i| std::mem::take(&mut items[i])).collect()
}

/// A breakdown's buckets: most failed sessions first, then most sessions, then by key.
fn sorted(map: Buckets) -> Vec<Bucket> {
    let v: Vec<Bucket> = map.slots.into_iter().map(|s| s.bucket).collect();
    head(v, None, |a, b| {
        b.failed
            .cmp(&a.failed)
            .then((b.successful + b.failed).cmp(&(a.successful + a.failed)))
            .then_with(|| a.key.cmp(&b.key))
    })
}

/// The top `top` keys by failed sessions (then by key), and what the rest add up to.
fn top_of(v: Vec<(Text, u64)>, top: Option<usize>) -> (Vec<FailureBucket>, Rest) {
    top_by_failed(v.len(), top, &|i| (&v[i].0, v[i].1))
}

/// [`top_of`] over `n` (key, failed) pairs read by position, so a long list is never copied to be ordered.
fn top_by_failed<'a>(
    n: usize,
    top: Option<usize>,
    item: &dyn Fn(usize) -> (&'a Text, u64),
) -> (Vec<FailureBucket>, Rest) {
    let total = (0..n).fold(0u64, |t, i| t.saturating_add(item(i).1));
    let order = positions_in_order(n, top, &|a, b| {
        let (a, b) = (item(a), item(b));
        b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0))
    });
    let list: Vec<FailureBucket> = order
        .into_iter()
        .map(|i| {
            let (key, failed) = item(i);
            FailureBucket {
                key: key.to_string(),
                failed,
            }
        })
        .collect();
    let rest = Rest::beyond(n as u64, total, list.iter().map(|b| b.failed));
    (list, rest)
}

/// Summarises a set of reports in one call (the top [`DEFAULT_TOP`] of the long breakdowns).
pub fn summarize<'a>(reports: impl IntoIterator<Item = &'a Report>, filter: Filter) -> Summary {
    let mut a = Aggregator::new(filter);
    for r in reports {
        a.add(r);
    }
    a.summary()
}

#[cfg(test)]
impl Summary {
    fn failed_rows_total(&self) -> u64 {
        self.failures.iter().map(|r| r.failed_session_count).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::decode::parse_json;

    /// Failure rows grouped by (result type, MX) and each result type per day: exact sums, the MX in lower case,
    /// most failed first, days in order.
    #[test]
    fn pairs_group_failures() {
        let r = |id: &str, day: &str, details: &str| {
            parse_json(
                format!(
                    r#"{{"organization-name": "O", "report-id": "{id}", "date-range": {{"start-datetime": "{day}T00:00:00Z", "end-datetime": "{day}T23:59:59Z"}},
                    "policies": [{{"policy": {{"policy-type": "sts", "policy-domain": "example.com"}},
                    "summary": {{"total-successful-session-count": 1, "total-failure-session-count": 9}}, "failure-details": [{details}]}}]}}"#
                )
                .as_bytes(),
            )
            .expect("report")
        };
        let d = |t: &str, mx: &str, n: u64| {
            format!(
                r#"{{"result-type": "{t}", "receiving-mx-hostname": "{mx}", "failed-session-count": {n}}}"#
            )
        };
        let a = r(
            "1",
            "2026-11-02",
            &[
                d("certificate-expired", "MX1.example.com", 3),
                d("starttls-not-supported", "mx2.example.com", 1),
            ]
            .join(","),
        );
        let b = r(
            "2",
            "2026-11-01",
            &d("certificate-expired", "mx1.example.com", 4),
        );
        let s = summarize([&a, &b], Filter::default());
        let pair = |k: &str, s2: &str, failed| PairBucket {
            key: k.into(),
            second: s2.into(),
            failed,
        };
        assert_eq!(
            s.by_result_and_mx,
            vec![
                pair("certificate-expired", "mx1.example.com", 7),
                pair("starttls-not-supported", "mx2.example.com", 1)
            ]
        );
        // a hostile report: one MX with 1,000 made-up result types; every one is kept with its count
        let many: Vec<String> = (0..1000)
            .map(|i| d(&format!("type-{i:04}"), "mx.example.com", 1 + i % 3))
            .collect();
        let h = r("3", "2026-11-03", &many.join(","));
        let mut agg = Aggregator::new(Filter::default()).with_top(None);
        agg.add(&h);
        let hs = agg.summary();
        assert_eq!(hs.by_result_and_mx.len(), 1000);
        assert_eq!(
            hs.by_result_and_mx.iter().map(|p| p.failed).sum::<u64>(),
            (0..1000u64).map(|i| 1 + i % 3).sum::<u64>()
        );
        assert_eq!(hs.by_receiving_mx[0].failed, hs.failed_rows_total());
        assert_eq!(
            s.by_day_and_result,
            vec![
                pair("2026-11-01", "certificate-expired", 4),
                pair("2026-11-02", "certificate-expired", 3),
                pair("2026-11-02", "starttls-not-supported", 1)
            ]
        );
    }

    /// Reports without organization and report-id are told apart by content: two different ones both count,
    /// the same one twice counts once (before, the second of any two was lost as a "duplicate").
    #[test]
    fn identity_table() {
        let r = |ok: u64| {
            parse_json(
                format!(
                    r#"{{"policies": [{{"policy": {{"policy-type": "sts", "policy-domain": "example.com"}},
                    "summary": {{"total-successful-session-count": {ok}, "total-failure-session-count": 0}}}}]}}"#
                )
                .as_bytes(),
            )
            .expect("report")
        };
        let (a, b) = (r(1), r(2));
        assert_ne!(a.identity(), b.identity());
        assert!(a.identity().1.starts_with("content:"));
        let mut agg = Aggregator::new(Filter::default());
        assert!(agg.add(&a));
        assert!(agg.add(&b));
        assert!(!agg.add(&r(1)), "the same content again is a duplicate");
        let s = agg.summary();
        assert_eq!((s.reports, s.duplicates, s.successful), (2, 1, 3));
        let named = parse_json(br#"{"organization-name": "O", "report-id": "1", "policies": []}"#)
            .expect("named");
        assert_eq!(named.identity(), ("O".to_owned(), "1".to_owned()));
        // a duplicate counts only inside the filter, like the report it copies (the viewer's duplicates card)
        for (domain, want) in [
            (None, 1),
            (Some("example.com"), 1),
            (Some("other.example"), 0),
        ] {
            let mut agg = Aggregator::new(Filter {
                domain: domain.map(str::to_owned),
                ..Filter::default()
            });
            agg.add(&a);
            agg.add(&r(1));
            assert_eq!(agg.summary().duplicates, want, "{domain:?}");
        }
        let mut agg = Aggregator::new(Filter::default());
        agg.add(&named);
        agg.add(&named);
        assert_eq!(
            agg.summary().duplicates,
            1,
            "a report of no policies is a duplicate too"
        );
    }

    /// A report of `n` failure details with few distinct values, so ties in every sort key are common.
    fn tied_report(seed: u64, n: usize) -> Report {
        let mut x = seed;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let details: Vec<String> = (0..n)
            .map(|_| {
                format!(
                    r#"{{"result-type": "r{}", "sending-mta-ip": "192.0.2.{}", "receiving-mx-hostname": "MX{}.example",
                    "receiving-ip": "203.0.113.{}", "failed-session-count": {}}}"#,
                    next(3),
                    next(7),
                    next(4),
                    next(5),
                    1 + next(3)
                )
            })
            .collect();
        parse_json(
            format!(
                r#"{{"organization-name": "O{}", "report-id": "id-{seed}",
                "date-range": {{"start-datetime": "2026-01-0{}T00:00:00Z", "end-datetime": "2026-01-09T00:00:00Z"}},
                "policies": [{{"policy": {{"policy-type": "sts", "policy-domain": "a.example"}},
                "summary": {{"total-successful-session-count": 5, "total-failure-session-count": 1}},
                "failure-details": [{}]}}]}}"#,
                seed % 3,
                1 + seed % 4,
                details.join(",")
            )
            .as_bytes(),
        )
        .expect("report")
    }

    /// The one-pass top N equals the head of a stable full sort: ties, reverse input, N past the end.
    #[test]
    fn positions_top_n_is_a_stable_head() {
        type Order = (&'static str, fn(usize) -> u64);
        let orders: [Order; 4] = [
            ("ascending", |i| i as u64),
            ("descending", |i| 10_000 - i as u64),
            ("all equal", |_| 7),
            ("few values", |i| (i * 7919 % 13) as u64),
        ];
        for (name, value) in orders {
            for n in [0, 1, 63, 64, 65, 1000, 5000] {
                let v: Vec<u64> = (0..n).map(value).collect();
                let cmp = |a: usize, b: usize| v[b].cmp(&v[a]);
                let mut all: Vec<usize> = (0..n).collect();
                all.sort_by(|a, b| cmp(*a, *b));
                for top in [0, 1, 10, 100, 4999, 10_000] {
                    let got = positions_in_order(n, Some(top), &cmp);
                    assert_eq!(got, all[..top.min(n)], "{name}, n {n}, top {top}");
                }
                assert_eq!(positions_in_order(n, None, &cmp), all, "{name}, n {n}");
            }
        }
    }

    /// The top N of every long breakdown is the first N of the whole list in the same order, and `more` holds
    /// exactly the count and the failed sessions of the rest; N = 0 lists nothing and totals everything.
    #[test]
    fn top_n_is_the_head_of_the_whole_list() {
        let reports: Vec<Report> = (0..40)
            .map(|i| tied_report(i, (i as usize * 7) % 50))
            .collect();
        let mut all = Aggregator::new(Filter::default()).with_top(None);
        for r in &reports {
            all.add(r);
        }
        let all = all.summary();
        assert_eq!(all.more, More::default());
        assert!(all
            .failures
            .windows(2)
            .all(|w| failure_order(&w[0], &w[1]) != Ordering::Greater));
        let rest = |list: &[FailureBucket], n: usize| Rest {
            count: list.len().saturating_sub(n) as u64,
            failed: list.iter().skip(n).map(|b| b.failed).sum(),
        };
        for n in [0, 1, 3, 10, 63, 64, 65, 200, 100_000] {
            let mut a = Aggregator::new(Filter::default()).with_top(Some(n));
            for r in &reports {
                a.add(r);
            }
            let s = a.summary();
            let head = |v: &[FailureRow]| v.iter().take(n).cloned().collect::<Vec<_>>();
            assert_eq!(s.failures, head(&all.failures), "top {n}");
            assert_eq!(
                s.by_sending_ip,
                all.by_sending_ip
                    .iter()
                    .take(n)
                    .cloned()
                    .collect::<Vec<_>>()
            );
            assert_eq!(
                s.by_receiving_mx,
                all.by_receiving_mx
                    .iter()
                    .take(n)
                    .cloned()
                    .collect::<Vec<_>>()
            );
            assert_eq!(s.more.by_sending_ip, rest(&all.by_sending_ip, n));
            assert_eq!(s.more.by_receiving_mx, rest(&all.by_receiving_mx, n));
            let shown: u64 = s.failures.iter().map(|r| r.failed_session_count).sum();
            assert_eq!(
                s.more.failures,
                Rest {
                    count: (all.failures.len() - s.failures.len()) as u64,
                    failed: all.failed_rows_total() - shown
                }
            );
            assert_eq!(
                (s.reports, s.failed, &s.by_organization),
                (all.reports, all.failed, &all.by_organization)
            );
        }
    }

    /// A report counts once per key however many of its policies share it; MX hosts are case-folded.
    #[test]
    fn buckets_count_each_report_once() {
        let r = parse_json(
            br#"{"organization-name": "O", "report-id": "1", "policies": [
            {"policy": {"policy-type": "sts", "policy-domain": "A.example"}, "summary": {"total-successful-session-count": 1, "total-failure-session-count": 2},
             "failure-details": [{"result-type": "x", "receiving-mx-hostname": "MX.a.example", "failed-session-count": 2}]},
            {"policy": {"policy-type": "sts", "policy-domain": "a.example"}, "summary": {"total-successful-session-count": 3, "total-failure-session-count": 1},
             "failure-details": [{"result-type": "x", "receiving-mx-hostname": "mx.a.example", "failed-session-count": 1}]}]}"#,
        )
        .expect("report");
        let s = summarize([&r], Filter::default());
        assert_eq!(s.by_policy_domain.len(), 1);
        assert_eq!(
            (
                s.by_policy_domain[0].reports,
                s.by_policy_domain[0].successful
            ),
            (1, 4)
        );
        assert_eq!(
            (s.by_organization[0].reports, s.by_policy_type[0].reports),
            (1, 1)
        );
        assert_eq!(
            s.by_receiving_mx,
            vec![FailureBucket {
                key: "mx.a.example".into(),
                failed: 3
            }]
        );
    }
}
