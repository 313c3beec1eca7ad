//! MX patterns (RFC 8461 §3.2 `sts-policy-mx-value = ["*."] Domain`) and how they match MX hosts (§4.1).
//!
//! A pattern is a host name or `*.` followed by a domain; the wildcard stands for exactly one left-most label,
//! so `*.example.net` matches `mx1.example.net` but neither `example.net` nor `a.mx1.example.net`.

use crate::diag::{Code, Diagnostic, Span};
use serde::Serialize;

/// One `mx` pattern of a policy. Equality ignores where it was written. The fields are private: a pattern is
/// only made by [`MxPattern::parse`] or [`MxPattern::new`], so `wildcard` always agrees with `pattern` and
/// [`MxPattern::matches`] can rely on it.
#[derive(Debug, Clone, Eq, Serialize)]
pub struct MxPattern {
    /// The pattern as written, e.g. `*.example.net`.
    pattern: String,
    /// True for `*.` patterns.
    wildcard: bool,
    /// Where the pattern is in the policy text (empty when built by hand).
    #[serde(skip)]
    span: Span,
}

impl PartialEq for MxPattern {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern && self.wildcard == other.wildcard
    }
}

impl MxPattern {
    /// Checks and builds a pattern; errors and warnings go to `diags` with spans at `span`.
    pub fn parse(value: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Option<MxPattern> {
        let before = diags.len();
        let err = |code: Code| Diagnostic::new(code, span).arg("value", value);
        if value.is_empty() {
            diags.push(Diagnostic::new(Code::PolicyMxEmpty, span));
            return None;
        }
        if !value.is_ascii() {
            let suggestion = to_a_labels(value.trim_end_matches('.')).unwrap_or_default();
            diags.push(err(Code::PolicyMxULabel).arg("suggestion", suggestion));
            return None;
        }
        let trimmed = value.trim_end_matches('.');
        if trimmed.len() != value.len() && !trimmed.is_empty() {
            diags.push(err(Code::PolicyMxTrailingDot).arg("suggestion", trimmed));
        }
        if trimmed.parse::<std::net::IpAddr>().is_ok() || trimmed.starts_with('[') {
            diags.push(err(Code::PolicyMxIpLiteral));
            return None;
        }
        let (wildcard, domain) = match trimmed.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        if trimmed == "*" || (wildcard && !domain.contains('.') && !domain.contains('*')) {
            diags.push(err(Code::PolicyMxWildcardTooBroad));
            return None;
        }
        if domain.contains('*') {
            // the nearest pattern that is allowed: `*.` and the labels after the last `*`'s label
            // (`*.*.google.com` → `*.google.com`, `mail.*.example.com` → `*.example.com`)
            let after = &trimmed[trimmed.rfind('*').map_or(0, |i| i + 1)..];
            let suggestion = after
                .find('.')
                .map(|dot| format!("*{}", &after[dot..]))
                .filter(|s| s.len() > 2 && s[2..].contains('.'))
                .unwrap_or_else(|| "*.example.com".to_owned());
            diags.push(err(Code::PolicyMxWildcardNotLeftmost).arg("suggestion", suggestion));
            return None;
        }
        if let Err(e) = check_domain(domain) {
            diags.push(e.on(err(Code::PolicyMxInvalid)));
            return None;
        }
        if !wildcard && !domain.contains('.') {
            diags.push(err(Code::PolicyMxSingleLabel));
        }
        let blocking = diags[before..]
            .iter()
            .any(|d| d.code == Code::PolicyMxTrailingDot);
        (!blocking).then(|| MxPattern {
            pattern: trimmed.to_owned(),
            wildcard,
            span,
        })
    }

    /// The pattern as written, e.g. `*.example.net`.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }
    /// True for `*.` patterns (RFC 8461 §4.1: `*` is exactly one left-most label).
    pub fn is_wildcard(&self) -> bool {
        self.wildcard
    }
    /// Where the pattern is in the policy text (empty when built by hand).
    pub fn span(&self) -> Span {
        self.span
    }

    /// Builds a pattern from trusted text (tests, generator after validation).
    pub fn new(pattern: &str) -> MxPattern {
        MxPattern {
            pattern: pattern.to_owned(),
            wildcard: pattern.starts_with("*."),
            span: Span::default(),
        }
    }

    /// RFC 8461 §4.1: does this pattern match MX host `host`? Case-insensitive; a trailing dot on the host is
    /// ignored; `*` matches exactly one left-most label.
    pub fn matches(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        if self.wildcard {
            let suffix = &self.pattern[1..]; // ".example.net"
            host.len() > suffix.len()
                && host.is_char_boundary(host.len() - suffix.len())
                && host[host.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
                && !host[..host.len() - suffix.len()].contains('.')
        } else {
            host.eq_ignore_ascii_case(&self.pattern)
        }
    }
}

/// Converts a host name with Unicode labels to A-labels (`münchen.de` → `xn--mnchen-3ya.de`): each label is
/// lower-cased and Punycode-encoded (RFC 3492). This skips UTS 46 mapping and normalization on purpose: the full
/// Unicode tables would cost ~150 KB of the web app's wasm budget, and a policy author types the names anyway.
pub fn to_a_labels(host: &str) -> Option<String> {
    let mut out = Vec::new();
    for label in host.split('.') {
        if label.is_ascii() {
            out.push(label.to_ascii_lowercase());
        } else {
            out.push(format!(
                "xn--{}",
                idna::punycode::encode_str(&label.to_lowercase())?
            ));
        }
    }
    Some(out.join("."))
}

/// Why a host name is invalid: each reason is a token the catalogs put into words (`domain-reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainReason {
    /// The name is empty.
    Empty,
    /// Longer than 253 characters (RFC 1035 §2.3.4).
    TooLong,
    /// Two dots in a row, or a leading dot.
    EmptyLabel,
    /// A label longer than 63 characters (RFC 1035 §2.3.4).
    LabelTooLong,
    /// A character outside letters, digits and `-` (RFC 5321 §4.1.2 `Domain`).
    BadChar,
    /// A label starting or ending with `-`.
    HyphenEdge,
    /// A single label where a domain is needed.
    NotADomain,
    /// An IP address where a domain name is needed.
    IpAddress,
}

impl DomainReason {
    /// The selector of the catalogs' `domain-reason` term.
    pub fn token(self) -> &'static str {
        match self {
            DomainReason::Empty => "empty",
            DomainReason::TooLong => "too-long",
            DomainReason::EmptyLabel => "empty-label",
            DomainReason::LabelTooLong => "label-too-long",
            DomainReason::BadChar => "bad-char",
            DomainReason::HyphenEdge => "hyphen-edge",
            DomainReason::NotADomain => "not-a-domain",
            DomainReason::IpAddress => "ip-address",
        }
    }
}

/// Why a host name is invalid, and the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainError {
    /// What is wrong.
    pub reason: DomainReason,
    /// The offending label or character (empty when not applicable).
    pub detail: String,
}

impl DomainError {
    /// Adds this error's `reason` and `detail` to a diagnostic.
    pub fn on(&self, d: Diagnostic) -> Diagnostic {
        d.arg("reason", self.reason.token())
            .arg("detail", &self.detail)
    }
    /// The reason in words, in the catalog's language.
    pub fn describe(&self, cat: &crate::i18n::Catalog) -> String {
        let args = [
            ("reason", self.reason.token().to_owned()),
            ("detail", self.detail.clone()),
        ];
        cat.render("domain-reason", &args)
    }
}

/// Checks a host name by RFC 5321 §4.1.2 `Domain` (LDH labels, 1–63 bytes each, 253 in all).
pub fn check_domain(domain: &str) -> Result<(), DomainError> {
    let fail = |reason, detail: &str| {
        Err(DomainError {
            reason,
            detail: detail.to_owned(),
        })
    };
    if domain.is_empty() {
        return fail(DomainReason::Empty, "");
    }
    if domain.len() > 253 {
        return fail(DomainReason::TooLong, &domain.len().to_string());
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return fail(DomainReason::EmptyLabel, "");
        }
        if label.len() > 63 {
            return fail(DomainReason::LabelTooLong, label);
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return fail(DomainReason::BadChar, &c.to_string());
        }
        if label.starts_with('-') || label.ends_with('-') {
            return fail(DomainReason::HyphenEdge, label);
        }
    }
    Ok(())
}

/// One MX host and the pattern that covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostCoverage {
    /// The MX host name.
    pub host: String,
    /// The first pattern that matches it; `None` when no pattern does.
    pub pattern: Option<String>,
}

/// Which pattern covers each MX host, and which patterns cover nothing (RFC 8461 §4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// For each MX host given, in order, the pattern that matches it.
    pub hosts: Vec<HostCoverage>,
    /// Patterns that match none of the hosts.
    pub unused: Vec<String>,
}

impl Coverage {
    /// True when every host is covered.
    pub fn all_covered(&self) -> bool {
        self.hosts.iter().all(|h| h.pattern.is_some())
    }
}

/// Matches MX hosts against patterns. In enforce mode an uncovered MX is an error (senders will not deliver to
/// it); in testing mode a warning. `anchor` is where to point the diagnostics (e.g. the end of the policy).
pub fn coverage(
    patterns: &[MxPattern],
    enforce: bool,
    hosts: &[&str],
    anchor: Span,
) -> (Coverage, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    for &host in hosts {
        let host = host.trim();
        if host.is_empty() {
            continue;
        }
        let h = host.trim_end_matches('.');
        if let Err(e) = check_domain(h) {
            diags.push(e.on(Diagnostic::new(Code::MxInvalidHost, anchor).arg("host", host)));
            out.push(HostCoverage {
                host: host.to_owned(),
                pattern: None,
            });
            continue;
        }
        let hit = patterns
            .iter()
            .find(|p| p.matches(h))
            .map(|p| p.pattern.clone());
        if hit.is_none() {
            let code = if enforce {
                Code::MxNotCoveredEnforce
            } else {
                Code::MxNotCovered
            };
            diags.push(Diagnostic::new(code, anchor).arg("host", h));
        }
        out.push(HostCoverage {
            host: h.to_owned(),
            pattern: hit,
        });
    }
    let mut unused = Vec::new();
    for p in patterns {
        if !out.iter().any(|h| p.matches(&h.host)) {
            diags.push(Diagnostic::new(Code::MxPatternUnused, p.span).arg("pattern", &p.pattern));
            unused.push(p.pattern.clone());
        }
    }
    (Coverage { hosts: out, unused }, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_syntax_table() {
        let rows: &[(&str, &[&str])] = &[
            ("mail.example.com", &[]),
            ("*.example.net", &[]),
            ("xn--mnchen-3ya.de", &[]),
            ("", &["policy/mx-empty"]),
            ("mail.*.example.com", &["policy/mx-wildcard-not-leftmost"]),
            ("mx*.example.com", &["policy/mx-wildcard-not-leftmost"]),
            ("*", &["policy/mx-wildcard-too-broad"]),
            ("*.com", &["policy/mx-wildcard-too-broad"]),
            ("mail.münchen.de", &["policy/mx-u-label"]),
            ("192.0.2.1", &["policy/mx-ip-literal"]),
            ("[192.0.2.1]", &["policy/mx-ip-literal"]),
            ("mail.example.com.", &["policy/mx-trailing-dot"]),
            ("mail..example.com", &["policy/mx-invalid"]),
            ("mail_1.example.com", &["policy/mx-invalid"]),
            ("-mail.example.com", &["policy/mx-invalid"]),
            ("localhost", &["policy/mx-single-label"]),
        ];
        for (value, want) in rows {
            let mut d = Vec::new();
            MxPattern::parse(value, Span::default(), &mut d);
            let got: Vec<_> = d.iter().map(|d| d.code.name()).collect();
            assert_eq!(got, *want, "{value}");
        }
        let mut d = Vec::new();
        MxPattern::parse("mail.münchen.de", Span::default(), &mut d);
        assert_eq!(d[0].get("suggestion"), Some("mail.xn--mnchen-3ya.de"));
    }

    #[test]
    fn matching_table() {
        let rows = [
            ("mail.example.com", "mail.example.com", true),
            ("mail.example.com", "MAIL.Example.COM.", true),
            ("mail.example.com", "mx.example.com", false),
            ("*.example.net", "mx1.example.net", true),
            ("*.example.net", "example.net", false),
            ("*.example.net", "a.mx1.example.net", false),
            ("*.example.net", "mx1.example.net.", true),
            ("*.example.net", "xexample.net", false),
        ];
        for (pattern, host, want) in rows {
            assert_eq!(
                MxPattern::new(pattern).matches(host),
                want,
                "{pattern} vs {host}"
            );
        }
    }

    #[test]
    fn coverage_reports_uncovered_and_unused() {
        let pats = [
            MxPattern::new("*.example.net"),
            MxPattern::new("old.example.com"),
        ];
        let (cov, diags) = coverage(
            &pats,
            true,
            &["mx1.example.net", "mx.example.org"],
            Span::default(),
        );
        assert_eq!(cov.hosts[0].pattern.as_deref(), Some("*.example.net"));
        assert_eq!(cov.hosts[1].pattern, None);
        assert_eq!(cov.unused, vec!["old.example.com"]);
        let codes: Vec<_> = diags.iter().map(|d| d.code.name()).collect();
        assert_eq!(codes, ["mx/not-covered-enforce", "mx/pattern-unused"]);
        let (_, diags) = coverage(&pats, false, &["mx.example.org"], Span::default());
        assert_eq!(diags[0].code.name(), "mx/not-covered");
    }
}
