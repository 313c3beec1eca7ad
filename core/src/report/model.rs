//! The TLS report (RFC 8460 §4.4), typed for what senders really send.
//!
//! Lenient where real reports deviate — `mx-host` as a string or an array (erratum 6241), `contact-info: null`,
//! missing or empty IPs, counts as strings, date-times without a time zone, unknown result and policy types (the
//! registries are open), unknown fields — and keeping enough of the original shape that [`super::validate`] can
//! report every deviation as a warning.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Report strings: inline up to 24 bytes (result types, IPs, host names), so a big report allocates far less.
pub type Text = compact_str::CompactString;

/// One aggregate report (RFC 8460 §4.4).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct Report {
    /// `organization-name`: who sent the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<String>,
    /// `date-range`: the period the report covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_range: Option<DateRange>,
    /// `contact-info`: an address or URL of the sender. `Some(None)` when the sender wrote `null`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub contact_info: Option<Option<String>>,
    /// `report-id`: unique per sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_id: Option<String>,
    /// `policies`: one entry per policy the sender applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<PolicyResult>>,
}

/// `date-range` (RFC 8460 §4.4), kept as written; see [`super::time`] for parsing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct DateRange {
    /// `start-datetime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_datetime: Option<Text>,
    /// `end-datetime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_datetime: Option<Text>,
}

/// One `policies[]` entry: the policy, the session totals and the failures.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct PolicyResult {
    /// `policy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyDesc>,
    /// `summary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// `failure-details` (absent when there were no failures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_details: Option<Vec<FailureDetail>>,
}

/// `policy`: which policy the sender applied.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct PolicyDesc {
    /// `policy-type`: `sts`, `tlsa` or `no-policy-found` (RFC 8460 §4.5), or anything newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_type: Option<Text>,
    /// `policy-string`: the policy as the sender saw it, one line per entry.
    #[serde(
        default,
        deserialize_with = "string_or_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_string: Option<StringOrList>,
    /// `policy-domain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_domain: Option<Text>,
    /// `mx-host`: the MX patterns of an STS policy.
    #[serde(
        default,
        deserialize_with = "string_or_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub mx_host: Option<StringOrList>,
}

/// A JSON value that should be an array of strings but may be a single string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum StringOrList {
    /// A single string (the RFC's own example does this for `mx-host`).
    One(String),
    /// An array of strings (as the ABNF and erratum 6241 say).
    List(Vec<String>),
}

impl StringOrList {
    /// The values as a slice-like iterator.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let (one, list): (Option<&str>, &[String]) = match self {
            StringOrList::One(s) => (Some(s.as_str()), &[]),
            StringOrList::List(v) => (None, v.as_slice()),
        };
        one.into_iter().chain(list.iter().map(String::as_str))
    }
}

/// `summary`: how many sessions succeeded and failed under this policy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct Summary {
    /// `total-successful-session-count`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_successful_session_count: Option<Count>,
    /// `total-failure-session-count`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_failure_session_count: Option<Count>,
}

/// One `failure-details[]` row (RFC 8460 §4.4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub struct FailureDetail {
    /// `result-type` (RFC 8460 §4.3.2 registry), e.g. `certificate-expired`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_type: Option<Text>,
    /// `sending-mta-ip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_mta_ip: Option<Text>,
    /// `receiving-mx-hostname`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_mx_hostname: Option<Text>,
    /// `receiving-mx-helo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_mx_helo: Option<Text>,
    /// `receiving-ip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_ip: Option<Text>,
    /// `failed-session-count`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_session_count: Option<Count>,
    /// `additional-information`: a URI with more details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<Text>,
    /// `failure-reason-code`: free text from the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason_code: Option<Text>,
}

/// A session count, read leniently: an integer, an integer-valued float, or a numeric string.
/// `exact` is false when the JSON was not a plain non-negative integer, so validation can say so.
/// Serialized as the plain JSON integer RFC 8460 §4.4 writes (`"total-successful-session-count": 6`); equal when
/// the counts are, however they were written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count {
    /// The count (0 when unusable).
    pub value: u64,
    /// True when written as a plain non-negative JSON integer.
    pub exact: bool,
}

impl PartialEq for Count {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for Count {}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.value)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a session count")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Ok(Count {
                    value: v,
                    exact: true,
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                Ok(Count {
                    value: u64::try_from(v).unwrap_or(0),
                    exact: v >= 0,
                })
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                // a whole number too large for u64 (JSON allows it) keeps its nearest meaning, u64::MAX
                // (`as` saturates), so a store can refuse it instead of reading zero
                let whole = v >= 0.0 && v.fract() == 0.0;
                Ok(Count {
                    value: if whole { v as u64 } else { 0 },
                    exact: false,
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                Ok(Count {
                    value: v.trim().parse().unwrap_or(0),
                    exact: false,
                })
            }
            fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
                Ok(Count {
                    value: 0,
                    exact: false,
                })
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Count, E> {
                Ok(Count {
                    value: 0,
                    exact: false,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Tells a present `null` (`Some(None)`) from an absent field (`None`, via `#[serde(default)]`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn string_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StringOrList>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<StringOrList>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an array of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(StringOrList::One(v.to_owned())))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(StringOrList::One(v)))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(64));
            while let Some(item) = seq.next_element::<serde_json::Value>()? {
                match item {
                    serde_json::Value::String(s) => out.push(s),
                    serde_json::Value::Null => {}
                    other => out.push(other.to_string()),
                }
            }
            Ok(Some(StringOrList::List(out)))
        }
    }
    d.deserialize_any(V)
}

impl Report {
    /// `organization-name`, or an empty string.
    pub fn organization(&self) -> &str {
        self.organization_name.as_deref().unwrap_or("")
    }
    /// `contact-info`, when given and not null.
    pub fn contact(&self) -> Option<&str> {
        self.contact_info.as_ref()?.as_deref()
    }
    /// `report-id`, or an empty string.
    pub fn id(&self) -> &str {
        self.report_id.as_deref().unwrap_or("")
    }
    /// What makes a report the same report: (organization, report-id), which RFC 8460 §4.4 makes unique per
    /// sender. A report with neither is identified by what it says — its start (else its end) and, per policy,
    /// the domain and session counts (`content:…`) — so two different reports without ids are
    /// never taken for one (the second would have been lost as a "duplicate"). Stores hash this identity into
    /// their keys; nothing is hashed or serialized here, which would cost the web app's wasm budget.
    pub fn identity(&self) -> (String, String) {
        if !self.organization().is_empty() || !self.id().is_empty() {
            return (self.organization().to_owned(), self.id().to_owned());
        }
        let mut id = format!("content:{}", self.start().or(self.end()).unwrap_or(""));
        for p in self.policies() {
            id.push_str(&format!(
                "|{} {} {}",
                p.domain(),
                p.successful(),
                p.failed()
            ));
        }
        (String::new(), id)
    }
    /// The policy entries (empty when absent).
    pub fn policies(&self) -> &[PolicyResult] {
        self.policies.as_deref().unwrap_or(&[])
    }
    /// Sum of `total-successful-session-count` over the policies.
    pub fn successful(&self) -> u64 {
        self.policies()
            .iter()
            .map(PolicyResult::successful)
            .fold(0, u64::saturating_add)
    }
    /// Sum of `total-failure-session-count` over the policies.
    pub fn failed(&self) -> u64 {
        self.policies()
            .iter()
            .map(PolicyResult::failed)
            .fold(0, u64::saturating_add)
    }
    /// Number of failure-detail rows over all policies.
    pub fn failure_detail_rows(&self) -> usize {
        self.policies().iter().map(|p| p.details().len()).sum()
    }
    /// `start-datetime` as written.
    pub fn start(&self) -> Option<&str> {
        self.date_range.as_ref()?.start_datetime.as_deref()
    }
    /// `end-datetime` as written.
    pub fn end(&self) -> Option<&str> {
        self.date_range.as_ref()?.end_datetime.as_deref()
    }
}

impl PolicyResult {
    /// `total-successful-session-count` (0 when absent).
    pub fn successful(&self) -> u64 {
        self.summary
            .as_ref()
            .and_then(|s| s.total_successful_session_count)
            .map_or(0, |c| c.value)
    }
    /// `total-failure-session-count` (0 when absent).
    pub fn failed(&self) -> u64 {
        self.summary
            .as_ref()
            .and_then(|s| s.total_failure_session_count)
            .map_or(0, |c| c.value)
    }
    /// The failure details (empty when absent).
    pub fn details(&self) -> &[FailureDetail] {
        self.failure_details.as_deref().unwrap_or(&[])
    }
    /// `policy-type`, or an empty string.
    pub fn policy_type(&self) -> &str {
        self.policy
            .as_ref()
            .and_then(|p| p.policy_type.as_deref())
            .unwrap_or("")
    }
    /// `policy-domain`, or an empty string.
    pub fn domain(&self) -> &str {
        self.policy
            .as_ref()
            .and_then(|p| p.policy_domain.as_deref())
            .unwrap_or("")
    }
    /// `mx-host` values, with a stray `mx: ` prefix removed (seen in real reports).
    pub fn mx_hosts(&self) -> Vec<&str> {
        let Some(m) = self.policy.as_ref().and_then(|p| p.mx_host.as_ref()) else {
            return Vec::new();
        };
        m.iter()
            .map(|h| h.strip_prefix("mx:").map_or(h, str::trim_start))
            .collect()
    }
    /// `policy-string` lines; an entry holding a JSON array in one string (Microsoft's TLSA) is expanded.
    pub fn policy_lines(&self) -> Vec<String> {
        let Some(ps) = self.policy.as_ref().and_then(|p| p.policy_string.as_ref()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in ps.iter() {
            match expand_json_array(s) {
                Some(items) => out.extend(items),
                None => out.push(s.to_owned()),
            }
        }
        out
    }
}

/// If `s` is a JSON array of strings written as one string, its items.
pub fn expand_json_array(s: &str) -> Option<Vec<String>> {
    let t = s.trim();
    if !(t.starts_with('[') && t.ends_with(']')) {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

impl FailureDetail {
    /// `failed-session-count` (0 when absent).
    pub fn count(&self) -> u64 {
        self.failed_session_count.map_or(0, |c| c.value)
    }
    /// `result-type`, or an empty string.
    pub fn result(&self) -> &str {
        self.result_type.as_deref().unwrap_or("")
    }
}

/// Result types registered by RFC 8460 §4.3 (negotiation, policy and general failures).
pub const KNOWN_RESULT_TYPES: &[&str] = &[
    "starttls-not-supported",
    "certificate-host-mismatch",
    "certificate-expired",
    "certificate-not-trusted",
    "validation-failure",
    "tlsa-invalid",
    "dnssec-invalid",
    "dane-required",
    "sts-policy-fetch-error",
    "sts-policy-invalid",
    "sts-webpki-invalid",
];

/// Policy types registered by RFC 8460 §4.5.
pub const KNOWN_POLICY_TYPES: &[&str] = &["sts", "tlsa", "no-policy-found"];
