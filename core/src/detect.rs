//! Guessing what a user pasted, so the validator can pick the right checker (the user can still override it).

use serde::{Deserialize, Serialize};

/// Kinds of input the validator understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// An `mta-sts.txt` policy file (RFC 8461 §3.2).
    Policy,
    /// An `_mta-sts` TXT record, bare or as zone/`dig` output (RFC 8461 §3.1).
    StsRecord,
    /// An `_smtp._tls` TXT record, bare or as zone/`dig` output (RFC 8460 §3).
    TlsrptRecord,
    /// A TLS report as JSON (RFC 8460 §4).
    Report,
}

impl InputKind {
    /// All kinds, in the order a UI lists them.
    pub const ALL: &'static [InputKind] = &[
        InputKind::Policy,
        InputKind::StsRecord,
        InputKind::TlsrptRecord,
        InputKind::Report,
    ];

    /// Stable kebab-case name (also used in permalinks).
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Policy => "policy",
            InputKind::StsRecord => "sts-record",
            InputKind::TlsrptRecord => "tlsrpt-record",
            InputKind::Report => "report",
        }
    }

    /// Parses [`InputKind::as_str`].
    pub fn parse(s: &str) -> Option<InputKind> {
        InputKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

/// Guesses the kind of `text`; `None` when it is empty.
pub fn detect(text: &str) -> Option<InputKind> {
    let t = text.trim_start_matches('\u{feff}').trim();
    if t.is_empty() {
        return None;
    }
    if t.starts_with('{') {
        return Some(InputKind::Report);
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("v=tlsrpt")
        || lower.contains("_smtp._tls")
        || lower.contains("_smtp-tlsrpt")
        || lower.contains("rua=")
    {
        return Some(InputKind::TlsrptRecord);
    }
    let policy_key = |l: &str| {
        let l = l.trim_start();
        ["version:", "mode:", "mx:", "max_age:"]
            .iter()
            .any(|k| l.starts_with(k))
    };
    if lower.lines().any(policy_key) {
        return Some(InputKind::Policy);
    }
    if lower.contains("v=sts")
        || lower.contains("_mta-sts")
        || lower.contains("id=")
        || lower.contains("txt")
    {
        return Some(InputKind::StsRecord);
    }
    Some(InputKind::Policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detect_table() {
        let rows = [
            ("", None),
            ("version: STSv1\nmode: enforce", Some(InputKind::Policy)),
            ("  Mode: testing", Some(InputKind::Policy)),
            ("v=STSv1; id=1", Some(InputKind::StsRecord)),
            (
                "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=1\"",
                Some(InputKind::StsRecord),
            ),
            (
                "v=TLSRPTv1; rua=mailto:a@b.c",
                Some(InputKind::TlsrptRecord),
            ),
            (
                "_smtp._tls.example.com. IN TXT \"v=TLSRPTv1;\"",
                Some(InputKind::TlsrptRecord),
            ),
            ("{\"organization-name\": \"x\"}", Some(InputKind::Report)),
            ("garbage", Some(InputKind::Policy)),
        ];
        for (text, want) in rows {
            assert_eq!(detect(text), want, "{text}");
        }
    }
}
