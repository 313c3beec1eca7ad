//! Strict RFC 8460 §4 checks over the lenient model: every deviation a real sender makes becomes a warning or
//! an info naming the JSON field (e.g. `policies[0].policy.mx-host`), so nothing is silently papered over.

use super::model::{Report, KNOWN_POLICY_TYPES, KNOWN_RESULT_TYPES};
use super::time;
use crate::diag::{Code, Diagnostic, Span};

fn d(code: Code, field: impl Into<String>) -> Diagnostic {
    Diagnostic::new(code, Span::default()).arg("field", field.into())
}

/// Checks a report against RFC 8460 §4.4 (the JSON schema) and §4.3 (result types); returns warnings and infos (never errors: the report was readable).
pub fn validate(r: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // RFC 8460 §4.4: the schema's required fields
    let missing = |out: &mut Vec<Diagnostic>, f: &str| out.push(d(Code::ReportMissingField, f));
    if r.organization_name.is_none() {
        missing(&mut out, "organization-name");
    }
    if r.report_id.is_none() {
        missing(&mut out, "report-id");
    }
    match &r.contact_info {
        None => missing(&mut out, "contact-info"),
        // RFC 8460 §4.4: contact-info is a string
        Some(None) => out.push(d(Code::ReportContactNull, "contact-info")),
        Some(Some(_)) => {}
    }
    match &r.date_range {
        None => missing(&mut out, "date-range"),
        Some(dr) => {
            for (name, v) in [
                ("date-range.start-datetime", &dr.start_datetime),
                ("date-range.end-datetime", &dr.end_datetime),
            ] {
                match v {
                    None => missing(&mut out, name),
                    Some(s) => check_datetime(s, name, &mut out),
                }
            }
        }
    }
    if r.policies.is_none() {
        missing(&mut out, "policies");
    }
    for (i, p) in r.policies().iter().enumerate() {
        let base = format!("policies[{i}]");
        match &p.policy {
            None => missing(&mut out, &format!("{base}.policy")),
            Some(pol) => {
                match pol.policy_type.as_deref() {
                    None => missing(&mut out, &format!("{base}.policy.policy-type")),
                    Some(t) if !KNOWN_POLICY_TYPES.contains(&t) => out.push(
                        d(
                            // RFC 8460 §4.4: policy-type is tlsa, sts or no-policy-found
                            Code::ReportUnknownPolicyType,
                            format!("{base}.policy.policy-type"),
                        )
                        .arg("value", t),
                    ),
                    Some(_) => {}
                }
                if pol.policy_domain.is_none() {
                    missing(&mut out, &format!("{base}.policy.policy-domain"));
                }
                if let Some(super::model::StringOrList::One(_)) = &pol.mx_host {
                    out.push(d(
                        // RFC 8460 §4.4 (erratum 6241): mx-host is an array
                        Code::ReportMxHostString,
                        format!("{base}.policy.mx-host"),
                    ));
                }
                if let Some(m) = &pol.mx_host {
                    for h in m.iter().filter(|h| h.starts_with("mx:")) {
                        let fixed = h["mx:".len()..].trim_start();
                        out.push(
                            // RFC 8460 §4.4: mx-host holds the patterns, not `mx:` lines
                            d(Code::ReportMxHostPrefixed, format!("{base}.policy.mx-host"))
                                .arg("value", h)
                                .arg("suggestion", fixed),
                        );
                    }
                }
                if let Some(ps) = &pol.policy_string {
                    for s in ps.iter() {
                        if let Some(items) = super::model::expand_json_array(s) {
                            out.push(
                                d(
                                    // RFC 8460 §4.4: policy-string is an array of strings
                                    Code::ReportPolicyStringJson,
                                    format!("{base}.policy.policy-string"),
                                )
                                .arg("count", items.len()),
                            );
                        }
                    }
                }
            }
        }
        match &p.summary {
            None => missing(&mut out, &format!("{base}.summary")),
            Some(s) => {
                for (name, c) in [
                    (
                        "total-successful-session-count",
                        s.total_successful_session_count,
                    ),
                    ("total-failure-session-count", s.total_failure_session_count),
                ] {
                    let field = format!("{base}.summary.{name}");
                    match c {
                        None => missing(&mut out, &field),
                        Some(c) if !c.exact => {
                            // RFC 8460 §4.4: counts are non-negative integers
                            out.push(d(Code::ReportBadCount, field).arg("value", c.value))
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        let mut detail_sum: u64 = 0;
        for (j, fd) in p.details().iter().enumerate() {
            // the path is built only for a finding (this loop runs once per failure detail)
            let fb = || format!("{base}.failure-details[{j}]");
            match fd.result_type.as_deref() {
                None => missing(&mut out, &format!("{}.result-type", fb())),
                Some(t) if !KNOWN_RESULT_TYPES.contains(&t) => out.push(
                    // RFC 8460 §4.3: the result types registry
                    d(
                        Code::ReportUnknownResultType,
                        format!("{}.result-type", fb()),
                    )
                    .arg("value", t),
                ),
                Some(_) => {}
            }
            for (name, v) in [
                ("sending-mta-ip", &fd.sending_mta_ip),
                ("receiving-ip", &fd.receiving_ip),
            ] {
                if let Some(ip) = v {
                    if !is_ip_address(ip) {
                        // RFC 8460 §4.4: sending-mta-ip and receiving-ip are IP addresses
                        out.push(d(Code::ReportBadIp, format!("{}.{name}", fb())).arg("value", ip));
                    }
                }
            }
            match fd.failed_session_count {
                None => missing(&mut out, &format!("{}.failed-session-count", fb())),
                Some(c) if !c.exact => out.push(
                    d(
                        Code::ReportBadCount,
                        format!("{}.failed-session-count", fb()),
                    )
                    .arg("value", c.value),
                ),
                Some(_) => {}
            }
            detail_sum = detail_sum.saturating_add(fd.count());
        }
        if !p.details().is_empty() && detail_sum != p.failed() {
            out.push(
                d(
                    // RFC 8460 §4.2.2: the failure count and its details
                    Code::ReportFailureCountMismatch,
                    format!("{base}.failure-details"),
                )
                .arg("details", detail_sum)
                .arg("total", p.failed()),
            );
        }
    }
    out
}

/// Whether `s` is an IPv4 or IPv6 address in text form (RFC 8460 §4.4). Only the family its form allows is
/// tried: `IpAddr`'s parser tries IPv4 first and then reads the text again as IPv6, and this runs once per
/// failure detail.
fn is_ip_address(s: &str) -> bool {
    if s.contains(':') {
        ip_text::is_ipv6(s)
    } else {
        ip_text::is_ipv4(s)
    }
}

/// The text forms `std::net`'s parsers take, checked without building the address: the general parsers were
/// ~10 % of the CLI's run over a big report (two addresses per failure detail). The oracle tests below check
/// that both agree with `std` on every string of a long generated sequence.
mod ip_text {
    /// Whether `s` is what `Ipv4Addr`'s parser takes: four decimal octets of 0–255 joined by dots, none with a
    /// leading zero (RFC 6943 §3.1.1's dotted decimal form).
    pub fn is_ipv4(s: &str) -> bool {
        ipv4_at(s.as_bytes(), 0) == Some(s.len())
    }

    /// Whether `s` is what `Ipv6Addr`'s parser takes (RFC 4291 §2.2): eight groups of 1–4 hex digits, or fewer
    /// around one `::` that stands for at least one zero group, the last two groups optionally an IPv4 address
    /// (not before the `::`); no zone, no brackets.
    pub fn is_ipv6(s: &str) -> bool {
        let b = s.as_bytes();
        // an IPv4 tail needs a dot: without one, no group is tried as one
        let v4 = b.contains(&b'.');
        let (head, head_v4, at) = groups(b, 0, 8, v4);
        if head == 8 {
            return at == b.len();
        }
        if head_v4 || b.get(at..at + 2) != Some(b"::") {
            return false;
        }
        // the `::` stands for one zero group at least
        let (_, _, end) = groups(b, at + 2, 7 - head, v4);
        end == b.len()
    }

    /// The end of an IPv4 address starting at `at`, if one does.
    fn ipv4_at(b: &[u8], at: usize) -> Option<usize> {
        let mut pos = at;
        for i in 0..4 {
            if i > 0 {
                if b.get(pos) != Some(&b'.') {
                    return None;
                }
                pos += 1;
            }
            let (mut value, start) = (0u32, pos);
            while pos - start < 3 {
                match b.get(pos) {
                    Some(c) if c.is_ascii_digit() => value = value * 10 + u32::from(c - b'0'),
                    _ => break,
                }
                pos += 1;
            }
            let digits = pos - start;
            if digits == 0 || (digits > 1 && b[start] == b'0') || value > 255 {
                return None;
            }
        }
        Some(pos)
    }

    /// Reads up to `limit` `:`-separated hex groups from `at`, as `std`'s parser does: where two groups are
    /// still allowed (and `v4`, the text has a dot), an IPv4 address is tried first and ends the run. Gives the
    /// groups read, whether the last were an IPv4 address, and where reading stopped (before a separator that
    /// no group followed).
    fn groups(b: &[u8], at: usize, limit: usize, v4: bool) -> (usize, bool, usize) {
        let mut pos = at;
        for i in 0..limit {
            let start = if i == 0 {
                pos
            } else if b.get(pos) == Some(&b':') {
                pos + 1
            } else {
                return (i, false, pos);
            };
            if v4 && i + 1 < limit {
                if let Some(end) = ipv4_at(b, start) {
                    return (i + 2, true, end);
                }
            }
            let digits = b[start.min(b.len())..]
                .iter()
                .take(4)
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if digits == 0 {
                return (i, false, pos);
            }
            pos = start + digits;
        }
        (limit, false, pos)
    }
}

fn check_datetime(s: &str, field: &str, out: &mut Vec<Diagnostic>) {
    match time::parse(s) {
        // RFC 8460 §4.4: date-times are RFC 3339
        None => out.push(d(Code::ReportBadDatetime, field).arg("value", s)),
        Some(p) if p.assumed_utc => {
            // RFC 8460 §4.4: RFC 3339 date-times carry a time zone
            out.push(d(Code::ReportDatetimeNoTimezone, field).arg("value", s))
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(json: &str) -> Vec<&'static str> {
        let r: Report = serde_json::from_str(json).expect("test json");
        validate(&r).iter().map(|d| d.code.name()).collect()
    }

    const HEAD: &str = r#""organization-name":"O","report-id":"1","contact-info":"a@b.c","date-range":{"start-datetime":"2024-01-01T00:00:00Z","end-datetime":"2024-01-01T23:59:59Z"}"#;

    #[test]
    fn ip_addresses_table() {
        for (s, want) in [
            ("192.0.2.1", true),
            ("2001:db8::1", true),
            ("::ffff:192.0.2.1", true),
            ("::", true),
            ("192.0.2.256", false),
            ("192.0.2", false),
            ("2001:db8::1::2", false),
            ("[2001:db8::1]", false),
            ("", false),
            (":", false),
            ("mx.example.com", false),
        ] {
            assert_eq!(is_ip_address(s), want, "{s:?}");
            assert_eq!(
                want,
                s.parse::<std::net::IpAddr>().is_ok(),
                "{s:?} agrees with IpAddr"
            );
        }
    }

    #[test]
    fn ipv4_agrees_with_the_standard_parser() {
        let mut table = vec![
            "0.0.0.0",
            "255.255.255.255",
            "256.0.0.0",
            "1.2.3.04",
            "01.2.3.4",
            "1.2.3.0",
            "1.2.3.4.",
            ".1.2.3.4",
            "1..2.3",
            "1.2.3.4.5",
            "1.2.3",
            "1234.1.1.1",
            "999.1.1.1",
            "+1.2.3.4",
            "1.2.3.-4",
            "1.2.3.4 ",
            "１.2.3.4",
            "0x1.2.3.4",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        // and 200,000 strings over the bytes that matter, from a fixed xorshift sequence
        let alphabet = b"0123456789..25x-";
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 17) as usize;
            let s = (0..len)
                .map(|i| alphabet[((x >> (4 * (i % 16))) & 15) as usize] as char)
                .collect();
            table.push(s);
            // and one shaped like an address: 3 to 5 numbers up to 300, some with a leading zero
            let parts = 3 + (x % 3) as usize;
            let s = (0..parts)
                .map(|i| {
                    let n = (x >> (9 * i)) % 301;
                    if (x >> (50 + i)) & 7 == 0 {
                        format!("0{n}")
                    } else {
                        n.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(".");
            table.push(s);
        }
        agrees_with_std(&table, ip_text::is_ipv4, |s| {
            s.parse::<std::net::Ipv4Addr>().is_ok()
        });
    }

    /// Asserts `ours` and `std` agree on every string of `table`, and that the table reaches valid addresses
    /// (10,000 of them at least), not only refusals.
    fn agrees_with_std(table: &[String], ours: fn(&str) -> bool, std: fn(&str) -> bool) {
        let mut valid = 0;
        for s in table {
            let want = std(s);
            valid += usize::from(want);
            assert_eq!(ours(s), want, "{s:?}");
        }
        assert!(
            valid > 10_000,
            "the sequence reaches valid addresses too ({valid})"
        );
    }

    #[test]
    fn ipv6_agrees_with_the_standard_parser() {
        let mut table: Vec<String> = [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:192.0.2.1",
            "::192.0.2.1",
            "1.2.3.4::",
            "1.2.3.4::1",
            "::1.2.3.04",
            "::1.2.3",
            "2001:db8::1",
            "2001:DB8::1",
            "2001:0db8:0000::00001",
            "2001:db8:::1",
            "2001:db8::1::2",
            ":1::",
            "1:",
            ":",
            ":::",
            "fe80::1%eth0",
            "[::1]",
            "12345::",
            "g::",
            "1::2:",
            "1::2:3:4:5:6:7",
            "1::2:3:4:5:6:7:8",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // and strings over the bytes that matter, and shaped ones (groups, a `::`, an IPv4 tail), from a fixed
        // xorshift sequence
        let alphabet = b"0123456789abcDEF::::...fg%0011..";
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let len = (r % 24) as usize;
            let s: String = (0..len)
                .map(|i| alphabet[((r >> (5 * (i % 12))) & 31) as usize] as char)
                .collect();
            table.push(s);
            let r = next();
            let n = (r % 10) as usize;
            let mut parts: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        "{:x}",
                        (r >> (6 * i)) & [0xf, 0xff, 0xfff, 0xffff, 0x1ffff][i % 5]
                    )
                })
                .collect();
            if r >> 60 & 1 == 1 {
                parts.insert((r >> 40) as usize % (n + 1), String::new());
            }
            let mut s = parts.join(":");
            if r >> 61 & 1 == 1 {
                s.push_str(&format!(
                    ":{}.{}.{}.{}",
                    r & 0xff,
                    r >> 8 & 0x1ff,
                    1,
                    (r >> 20) % 300
                ));
            }
            table.push(s);
        }
        agrees_with_std(&table, ip_text::is_ipv6, |s| {
            s.parse::<std::net::Ipv6Addr>().is_ok()
        });
    }

    #[test]
    fn validate_table() {
        let pol = |p: &str| format!("{{{HEAD},\"policies\":[{p}]}}");
        let rows: Vec<(&str, String, &[&str])> = vec![
            (
                "clean",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d","mx-host":["*.d"]},"summary":{"total-successful-session-count":1,"total-failure-session-count":0}}"#,
                ),
                &[],
            ),
            (
                "mx-host string",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d","mx-host":"*.d"},"summary":{"total-successful-session-count":1,"total-failure-session-count":0}}"#,
                ),
                &["report/mx-host-string"],
            ),
            (
                "mx-host prefixed",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d","mx-host":["mx: a.d"]},"summary":{"total-successful-session-count":1,"total-failure-session-count":0}}"#,
                ),
                &["report/mx-host-prefixed"],
            ),
            (
                "unknown types",
                pol(
                    r#"{"policy":{"policy-type":"new","policy-domain":"d"},"summary":{"total-successful-session-count":0,"total-failure-session-count":1},"failure-details":[{"result-type":"odd","failed-session-count":1}]}"#,
                ),
                &["report/unknown-policy-type", "report/unknown-result-type"],
            ),
            (
                "empty ip",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d"},"summary":{"total-successful-session-count":0,"total-failure-session-count":1},"failure-details":[{"result-type":"validation-failure","sending-mta-ip":"","failed-session-count":1}]}"#,
                ),
                &["report/bad-ip"],
            ),
            (
                "sum mismatch",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d"},"summary":{"total-successful-session-count":0,"total-failure-session-count":1},"failure-details":[{"result-type":"validation-failure","failed-session-count":2}]}"#,
                ),
                &["report/failure-count-mismatch"],
            ),
            (
                "string count",
                pol(
                    r#"{"policy":{"policy-type":"sts","policy-domain":"d"},"summary":{"total-successful-session-count":"3","total-failure-session-count":0}}"#,
                ),
                &["report/bad-count"],
            ),
            (
                "no summary",
                pol(r#"{"policy":{"policy-type":"sts","policy-domain":"d"}}"#),
                &["report/missing-field"],
            ),
        ];
        for (name, json, want) in &rows {
            assert_eq!(codes(json), *want, "{name}");
        }
        assert_eq!(
            codes(
                r#"{"report-id":"x","contact-info":null,"date-range":{"start-datetime":"2024-01-01T00:00:00","end-datetime":"bad"},"policies":[]}"#
            ),
            [
                "report/missing-field",
                "report/contact-null",
                "report/datetime-no-timezone",
                "report/bad-datetime"
            ]
        );
    }
}
