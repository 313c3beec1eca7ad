//! Judging a live domain from facts a shell gathered (RFC 8461 §3–§5, RFC 8460 §3): the TXT answers, the MX
//! set, the HTTPS response for the policy and, where a shell can open port 25, the STARTTLS result per MX. The CLI
//! and the worker gather the facts their own way; this module holds every rule, so they give the same verdicts.

pub mod plan;

use crate::diag::{self, Code, Diagnostic, Severity, Span};
use crate::generate::id_from_policy;
use crate::policy::{self, mx::Coverage, Mode, Policy};
use crate::record;
use serde::{Deserialize, Serialize};

/// A DNS answer as a shell saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dns {
    /// The records at the name (TXT strings already joined; MX as host names). Empty: the name exists, no records.
    Records(Vec<String>),
    /// NXDOMAIN (the name does not exist).
    NoSuchName,
    /// The resolver answered with an error (SERVFAIL, REFUSED, …): the reason as text. A sender's resolver
    /// would fail the same way, so this is a finding about the domain.
    Failed(String),
    /// No usable answer came from the checker's own resolver (unreachable, timed out, malformed answer): the
    /// checker's problem, so the verdict is "could not check" instead of one about the domain.
    Unanswered(String),
}

impl Dns {
    fn records(&self) -> &[String] {
        match self {
            Dns::Records(r) => r,
            _ => &[],
        }
    }
}

/// What fetching `https://mta-sts.<domain>/.well-known/mta-sts.txt` gave (RFC 8461 §3.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fetch {
    /// An HTTP response (redirects not followed).
    Response {
        /// Status code.
        status: u16,
        /// `Content-Type`, if any.
        content_type: Option<String>,
        /// `Location`, for a redirect.
        location: Option<String>,
        /// The body, read up to the 64 KB cap (plus one byte, so a larger body shows as too large).
        #[serde(with = "body")]
        body: Vec<u8>,
    },
    /// No answer within the timeout.
    Timeout {
        /// The timeout, seconds.
        seconds: u64,
    },
    /// The TLS handshake failed (certificate not valid for the host, expired, untrusted…).
    Tls {
        /// The reason, as the TLS stack gave it.
        reason: String,
    },
    /// The host could not be reached (no address, refused…).
    Unreachable {
        /// The reason, as the network stack gave it.
        reason: String,
    },
}

/// The policy body in JSON: a string when it is UTF-8 (the normal case, readable), else an array of bytes, so
/// that judging deserialized facts sees exactly the bytes that were fetched. (A visitor rather than an untagged
/// enum: serde's buffering for untagged enums costs the web app's wasm budget.)
mod body {
    use serde::de::{Error, SeqAccess, Visitor};
    use serde::{Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(b) {
            Ok(t) => t.serialize(s),
            Err(_) => b.serialize(s),
        }
    }

    struct Body;

    impl<'de> Visitor<'de> for Body {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or an array of bytes")
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Vec<u8>, E> {
            Ok(v.as_bytes().to_vec())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::new();
            while let Some(b) = seq.next_element::<u8>()? {
                out.push(b);
            }
            Ok(out)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_any(Body)
    }
}

/// The STARTTLS result for one MX (RFC 8461 §4.2), when the shell could test it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MxTls {
    /// STARTTLS worked and the certificate is valid for the MX name.
    Valid,
    /// The server does not offer STARTTLS.
    NoStarttls,
    /// The certificate does not cover the MX name.
    NameMismatch,
    /// Another TLS failure.
    Failed(String),
}

/// Everything a shell gathered about a domain. It travels as JSON (the worker's `/api/check` answer), so a page
/// can judge it again in its own language with this same function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// The policy domain.
    pub domain: String,
    /// TXT at `_mta-sts.<domain>` (after CNAME delegation, RFC 8461 §8.2).
    pub sts_txt: Dns,
    /// TXT at `_smtp._tls.<domain>`.
    pub tlsrpt_txt: Dns,
    /// TXT at the domain itself (to catch a record published at the apex), when looked up.
    pub apex_txt: Option<Dns>,
    /// TXT at the draft-era `_smtp-tlsrpt.<domain>`, when looked up.
    pub old_tlsrpt_txt: Option<Dns>,
    /// The MX host names.
    pub mx: Dns,
    /// The policy fetch (absent when there was no `_mta-sts` record to justify one).
    pub policy: Option<Fetch>,
    /// Whether the shell tested STARTTLS on the MX hosts (a worker cannot open port 25; `--no-smtp`).
    pub smtp_tested: bool,
    /// STARTTLS per MX host, in the order of `mx`.
    pub mx_tls: Vec<(String, MxTls)>,
    /// Whether the resolver marked the `_mta-sts` and MX answers as DNSSEC-validated (the AD bit), when it says.
    pub dnssec: Option<bool>,
    /// The id and policy hash seen last time, to detect a policy changed without a new id.
    pub previous: Option<(String, String)>,
}

/// The one-word verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Enforced and nothing wrong.
    Working,
    /// Testing mode and nothing wrong.
    Testing,
    /// `mode: none`: being removed.
    Removing,
    /// No MTA-STS record at all.
    NotConfigured,
    /// Something a sender would trip over.
    Broken,
    /// The checker could not gather the facts (its resolver failed): no verdict on the domain.
    CouldNotCheck,
}

impl Status {
    /// Stable name, also the selector of the `check--status` message.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Working => "working",
            Status::Testing => "testing",
            Status::Removing => "removing",
            Status::NotConfigured => "not-configured",
            Status::Broken => "broken",
            Status::CouldNotCheck => "could-not-check",
        }
    }
}

/// The judgement.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The one-word verdict.
    pub status: Status,
    /// Findings about DNS, HTTP and SMTP (no span), errors first.
    pub findings: Vec<Diagnostic>,
    /// Findings in the fetched policy: spans point into `policy_text`.
    pub policy_findings: Vec<Diagnostic>,
    /// The `_mta-sts` id in DNS.
    pub sts_id: Option<String>,
    /// The policy as fetched (text), for showing spans.
    pub policy_text: Option<String>,
    /// The parsed policy.
    pub policy: Option<Policy>,
    /// The content hash of the policy (what [`crate::generate::id_from_policy`] gives), shown beside the id.
    pub policy_hash: Option<String>,
    /// Which pattern covers each MX.
    pub coverage: Option<Coverage>,
}

impl Verdict {
    /// The `_mta-sts` id and policy hash a shell should remember for the next check of this domain: the ones
    /// seen now, except when the id stayed while the policy changed — keeping the old pair keeps the warning
    /// until a new id is published (RFC 8461 §3.1).
    pub fn to_remember(&self) -> Option<(String, String)> {
        let drifted = self
            .findings
            .iter()
            .any(|d| d.code == Code::CheckIdNotChanged);
        match (&self.sts_id, &self.policy_hash) {
            (Some(id), Some(hash)) if !drifted => Some((id.clone(), hash.clone())),
            _ => None,
        }
    }
}

fn at(code: Code) -> Diagnostic {
    Diagnostic::new(code, Span::default())
}

/// Judges the facts, one RFC step at a time: the reporting record, the `_mta-sts` record, the policy fetch and
/// file, the MX hosts, and the id drift; then the one-word status.
pub fn judge(f: &Facts) -> Verdict {
    let mut v = Verdict {
        status: Status::Broken,
        findings: Vec::new(),
        policy_findings: Vec::new(),
        sts_id: None,
        policy_text: None,
        policy: None,
        policy_hash: None,
        coverage: None,
    };
    let unanswered = unanswered(f);
    if !unanswered.is_empty() {
        v.status = Status::CouldNotCheck;
        v.findings = unanswered;
        return v;
    }
    let mut diags = Vec::new();
    judge_tlsrpt_record(f, &mut diags);
    let sts = judge_sts_record(f, &mut diags);
    v.sts_id = sts.as_ref().map(|r| r.id.clone());
    judge_policy(f, &mut v, &mut diags);
    judge_mx(f, sts.is_some(), &mut diags);
    judge_id_drift(f, &v, &mut diags);
    v.status = status(f, &v, sts.is_some(), &diags);
    errors_first(&mut diags, |d| d);
    v.findings = diags;
    v
}

/// Questions the checker's own resolver left unanswered: a `check/resolver-failed` finding per distinct reason,
/// naming every question it left unanswered.
fn unanswered(f: &Facts) -> Vec<Diagnostic> {
    let d = &f.domain;
    let asked = [
        (plan::Question::Sts, Some(&f.sts_txt)),
        (plan::Question::Tlsrpt, Some(&f.tlsrpt_txt)),
        (plan::Question::Apex, f.apex_txt.as_ref()),
        (plan::Question::OldTlsrpt, f.old_tlsrpt_txt.as_ref()),
        (plan::Question::Mx, Some(&f.mx)),
    ];
    // one finding per reason: a resolver that is down fails every question the same way, and five identical
    // findings (five cards on the check page) say less than one naming the five names
    let mut by_reason: Vec<(&str, Vec<String>)> = Vec::new();
    for (q, dns) in &asked {
        if let Some(Dns::Unanswered(why)) = dns {
            let name = q.name(d);
            match by_reason.iter_mut().find(|(r, _)| r == why) {
                // the apex is asked twice (TXT and MX): named once
                Some((_, names)) if names.contains(&name) => {}
                Some((_, names)) => names.push(name),
                None => by_reason.push((why, vec![name])),
            }
        }
    }
    by_reason
        .into_iter()
        .map(|(why, names)| {
            at(Code::CheckResolverFailed)
                .arg("name", names.join("`, `"))
                .arg("reason", why)
        })
        .collect()
}

/// `_smtp._tls` (RFC 8460 §3): present, at the right name, valid.
fn judge_tlsrpt_record(f: &Facts, diags: &mut Vec<Diagnostic>) {
    let d = &f.domain;
    let recs = match &f.tlsrpt_txt {
        Dns::Failed(e) | Dns::Unanswered(e) => {
            diags.push(
                at(Code::CheckDnsError)
                    .arg("name", plan::Question::Tlsrpt.name(d))
                    .arg("reason", e),
            );
            return;
        }
        dns => dns.records(),
    };
    if !recs.is_empty() {
        let lint = record::tlsrpt::lint_answers(recs);
        diags.extend(lint.diagnostics.into_iter().map(no_span));
        return;
    }
    let old = f.old_tlsrpt_txt.as_ref().map(Dns::records).unwrap_or(&[]);
    if old.iter().any(|r| r.starts_with("v=TLSRPTv1")) {
        // RFC 8460 §3: the record lives at `_smtp._tls`; `_smtp-tlsrpt` was a draft's name
        diags.push(
            at(Code::TlsrptOldName)
                .arg("name", plan::Question::OldTlsrpt.name(d))
                .arg("expected", plan::Question::Tlsrpt.name(d)),
        );
    } else {
        diags.push(at(Code::CheckNoTlsrptRecord).arg("domain", d));
    }
}

/// `_mta-sts` (RFC 8461 §3.1): exactly one valid `v=STSv1` record; the record senders use.
fn judge_sts_record(f: &Facts, diags: &mut Vec<Diagnostic>) -> Option<record::sts::StsRecord> {
    let d = &f.domain;
    match &f.sts_txt {
        Dns::Failed(e) | Dns::Unanswered(e) => {
            diags.push(
                at(Code::CheckDnsError)
                    .arg("name", plan::Question::Sts.name(d))
                    .arg("reason", e),
            );
            None
        }
        dns if dns.records().is_empty() => {
            let apex = f.apex_txt.as_ref().map(Dns::records).unwrap_or(&[]);
            // RFC 8461 §3.1: senders look only at `_mta-sts.<domain>`
            if apex.iter().any(|r| r.starts_with("v=STSv1")) {
                diags.push(at(Code::CheckStsAtApex).arg("domain", d));
            } else {
                diags.push(at(Code::CheckNoStsRecord).arg("domain", d));
            }
            None
        }
        dns => {
            let lint = record::sts::lint_answers(dns.records());
            diags.extend(lint.diagnostics.into_iter().map(no_span));
            lint.record
        }
    }
}

/// The policy fetch (RFC 8461 §3.3) and the policy file (§3.2), with MX coverage (§4.1).
fn judge_policy(f: &Facts, v: &mut Verdict, diags: &mut Vec<Diagnostic>) {
    let url = plan::policy_url(&f.domain);
    let host = plan::policy_host(&f.domain);
    let (status, content_type, location, body) = match &f.policy {
        None => return,
        Some(Fetch::Timeout { seconds }) => {
            // RFC 8461 §3.3: senders give up after a timeout (one minute suggested)
            diags.push(
                at(Code::CheckPolicyTimeout)
                    .arg("url", &url)
                    .arg("seconds", seconds),
            );
            return;
        }
        Some(Fetch::Tls { reason }) => {
            // RFC 8461 §3.3: the certificate must be valid for `mta-sts.<domain>`
            diags.push(
                at(Code::CheckPolicyTls)
                    .arg("host", &host)
                    .arg("reason", reason),
            );
            return;
        }
        Some(Fetch::Unreachable { reason }) => {
            diags.push(
                at(Code::CheckPolicyUnreachable)
                    .arg("host", &host)
                    .arg("reason", reason),
            );
            return;
        }
        Some(Fetch::Response {
            status,
            content_type,
            location,
            body,
        }) => (*status, content_type, location, body),
    };
    if (300..400).contains(&status) {
        // RFC 8461 §3.3: "HTTP 3xx redirects MUST NOT be followed"
        diags.push(
            at(Code::CheckPolicyRedirect)
                .arg("url", &url)
                .arg("location", location.as_deref().unwrap_or("?")),
        );
        return;
    }
    if status != 200 {
        // RFC 8461 §3.3: only a 200 answer is a policy
        diags.push(
            at(Code::CheckPolicyHttpStatus)
                .arg("url", &url)
                .arg("status", status),
        );
        return;
    }
    let ct = content_type.as_deref().unwrap_or("");
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime != "text/plain" {
        // RFC 8461 §3.2: the policy is served as text/plain
        diags.push(
            at(Code::CheckPolicyContentType)
                .arg("url", &url)
                .arg("value", if ct.is_empty() { "(none)" } else { ct }),
        );
    }
    let mx_hosts: Vec<&str> = f.mx.records().iter().map(String::as_str).collect();
    let mut lint = policy::lint_bytes(body);
    // the policy senders parse, even when an MX is not covered (coverage is judged as a finding)
    let parsed = lint.policy.clone();
    let cov = policy::add_mx_coverage(&mut lint, body.len(), &mx_hosts);
    v.policy_findings = lint.diagnostics;
    errors_first(&mut v.policy_findings, |d| d);
    v.policy_hash = parsed.as_ref().map(id_from_policy);
    v.policy = parsed;
    v.coverage = cov;
    v.policy_text = Some(String::from_utf8_lossy(body).into_owned());
}

/// The MX hosts (RFC 8461 §4): present, STARTTLS with a valid certificate where tested (§4.2), DNSSEC note.
fn judge_mx(f: &Facts, has_sts: bool, diags: &mut Vec<Diagnostic>) {
    let d = &f.domain;
    match &f.mx {
        Dns::Failed(e) | Dns::Unanswered(e) => {
            diags.push(at(Code::CheckDnsError).arg("name", d).arg("reason", e))
        }
        dns if dns.records().is_empty() => diags.push(at(Code::CheckNoMx).arg("domain", d)),
        _ => {}
    }
    if !f.smtp_tested && !f.mx.records().is_empty() {
        diags.push(at(Code::CheckSmtpNotTested).arg("domain", d));
    }
    match f.dnssec {
        Some(true) => diags.push(at(Code::CheckDnssecValidated)),
        Some(false) if has_sts => diags.push(at(Code::CheckDnssecNotValidated)),
        _ => {}
    }
    for (host, tls) in &f.mx_tls {
        // RFC 8461 §4.2: STARTTLS, and a certificate valid for the MX name
        match tls {
            MxTls::Valid => {}
            MxTls::NoStarttls => diags.push(at(Code::CheckMxNoStarttls).arg("host", host)),
            MxTls::NameMismatch => diags.push(at(Code::CheckMxCertMismatch).arg("host", host)),
            MxTls::Failed(e) => {
                diags.push(at(Code::CheckMxTlsError).arg("host", host).arg("reason", e))
            }
        }
    }
}

/// The id must change when the policy does (RFC 8461 §3.1, §8.1).
fn judge_id_drift(f: &Facts, v: &Verdict, diags: &mut Vec<Diagnostic>) {
    if let (Some((prev_id, prev_hash)), Some(id), Some(hash)) =
        (&f.previous, &v.sts_id, &v.policy_hash)
    {
        if prev_id == id && prev_hash != hash {
            diags.push(at(Code::CheckIdNotChanged).arg("id", id).arg("hash", hash));
        }
    }
}

/// The one-word verdict from what was found.
fn status(f: &Facts, v: &Verdict, has_sts: bool, diags: &[Diagnostic]) -> Status {
    let broken = diag::has_errors(diags) || diag::has_errors(&v.policy_findings);
    let at_apex = diags.iter().any(|x| x.code == Code::CheckStsAtApex);
    if !has_sts && f.policy.is_none() && !at_apex && !broken {
        Status::NotConfigured
    } else if broken || !has_sts || v.policy.is_none() {
        Status::Broken
    } else {
        match v.policy.as_ref().map(|p| p.mode) {
            Some(Mode::Enforce) => Status::Working,
            Some(Mode::Testing) => Status::Testing,
            _ => Status::Removing,
        }
    }
}

impl Verdict {
    /// Every finding, errors first (DNS and HTTP before the policy's at equal severity), each with whether it
    /// points into [`Verdict::policy_text`].
    pub fn all_findings(&self) -> Vec<(&Diagnostic, bool)> {
        let mut all: Vec<(&Diagnostic, bool)> = self
            .findings
            .iter()
            .map(|d| (d, false))
            .chain(self.policy_findings.iter().map(|d| (d, true)))
            .collect();
        errors_first(&mut all, |(d, _)| d);
        all
    }
}

/// Orders findings errors first, keeping the order within each group (the one ordering of every verdict list).
fn errors_first<T>(items: &mut [T], diag: impl Fn(&T) -> &Diagnostic) {
    items.sort_by_key(|x| std::cmp::Reverse(diag(x).severity() == Severity::Error));
}

/// Record diagnostics here refer to DNS answers, not to a text the user sees: drop their spans.
fn no_span(mut d: Diagnostic) -> Diagnostic {
    d.span = Span::default();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\nmax_age: 1209600\n";

    fn good() -> Facts {
        Facts {
            domain: "example.com".into(),
            sts_txt: Dns::Records(vec!["v=STSv1; id=20240101T000000".into()]),
            tlsrpt_txt: Dns::Records(vec!["v=TLSRPTv1; rua=mailto:tlsrpt@example.com".into()]),
            apex_txt: Some(Dns::Records(vec!["v=spf1 -all".into()])),
            old_tlsrpt_txt: Some(Dns::NoSuchName),
            mx: Dns::Records(vec!["mx1.example.com".into(), "a.mail.example.net".into()]),
            policy: Some(Fetch::Response {
                status: 200,
                content_type: Some("text/plain; charset=utf-8".into()),
                location: None,
                body: POLICY.into(),
            }),
            smtp_tested: true,
            mx_tls: vec![],
            dnssec: None,
            previous: None,
        }
    }

    fn outcome(f: &Facts) -> (Status, Vec<&'static str>) {
        let v = judge(f);
        let mut codes: Vec<&'static str> = v
            .all_findings()
            .into_iter()
            .map(|(d, _)| d)
            .filter(|d| d.severity() != Severity::Info)
            .map(|d| d.code.name())
            .collect();
        codes.dedup();
        (v.status, codes)
    }

    #[test]
    fn check_table() {
        let policy = |status: u16, ct: &str, body: &str| {
            Some(Fetch::Response {
                status,
                content_type: Some(ct.into()),
                location: None,
                body: body.into(),
            })
        };
        let rows: Vec<(&str, Facts, Status, &[&str])> = vec![
            ("good", good(), Status::Working, &[]),
            (
                "testing",
                Facts {
                    policy: policy(200, "text/plain", &POLICY.replace("enforce", "testing")),
                    ..good()
                },
                Status::Testing,
                &[],
            ),
            (
                "none",
                Facts {
                    policy: policy(
                        200,
                        "text/plain",
                        "version: STSv1\nmode: none\nmax_age: 86400\n",
                    ),
                    ..good()
                },
                Status::Removing,
                &[],
            ),
            (
                "not configured",
                Facts {
                    sts_txt: Dns::NoSuchName,
                    policy: None,
                    ..good()
                },
                Status::NotConfigured,
                &[],
            ),
            (
                "404",
                Facts {
                    policy: policy(404, "text/html", "nope"),
                    ..good()
                },
                Status::Broken,
                &["check/policy-http-status"],
            ),
            (
                "redirect",
                Facts {
                    policy: Some(Fetch::Response {
                        status: 301,
                        content_type: None,
                        location: Some("https://www.example.com/".into()),
                        body: vec![],
                    }),
                    ..good()
                },
                Status::Broken,
                &["check/policy-redirect"],
            ),
            (
                "text/html",
                Facts {
                    policy: policy(200, "text/html", POLICY),
                    ..good()
                },
                Status::Broken,
                &["check/policy-content-type"],
            ),
            (
                "too large",
                Facts {
                    policy: policy(
                        200,
                        "text/plain",
                        &format!(
                            "{POLICY}{}",
                            (0..8_000).map(|i| format!("x{i}: y\n")).collect::<String>()
                        ),
                    ),
                    ..good()
                },
                Status::Broken,
                &["policy/too-large"],
            ),
            (
                "timeout",
                Facts {
                    policy: Some(Fetch::Timeout { seconds: 60 }),
                    ..good()
                },
                Status::Broken,
                &["check/policy-timeout"],
            ),
            (
                "wrong certificate",
                Facts {
                    policy: Some(Fetch::Tls {
                        reason: "certificate not valid for mta-sts.example.com".into(),
                    }),
                    ..good()
                },
                Status::Broken,
                &["check/policy-tls"],
            ),
            (
                "mx not covered",
                Facts {
                    mx: Dns::Records(vec!["mx9.example.org".into()]),
                    ..good()
                },
                Status::Broken,
                &["mx/not-covered-enforce"],
            ),
            (
                "two sts records",
                Facts {
                    sts_txt: Dns::Records(vec!["v=STSv1; id=1".into(), "v=STSv1; id=2".into()]),
                    ..good()
                },
                Status::Broken,
                &["sts-record/multiple-records"],
            ),
            (
                "record at apex",
                Facts {
                    sts_txt: Dns::NoSuchName,
                    apex_txt: Some(Dns::Records(vec!["v=STSv1; id=1".into()])),
                    policy: None,
                    ..good()
                },
                Status::Broken,
                &["check/sts-at-apex"],
            ),
            (
                "no tlsrpt",
                Facts {
                    tlsrpt_txt: Dns::NoSuchName,
                    ..good()
                },
                Status::Working,
                &["check/no-tlsrpt-record"],
            ),
            (
                "old tlsrpt name",
                Facts {
                    tlsrpt_txt: Dns::NoSuchName,
                    old_tlsrpt_txt: Some(Dns::Records(vec![
                        "v=TLSRPTv1; rua=mailto:a@example.com".into(),
                    ])),
                    ..good()
                },
                Status::Broken,
                &["tlsrpt-record/old-name"],
            ),
            (
                "dns failure",
                Facts {
                    sts_txt: Dns::Failed("SERVFAIL".into()),
                    ..good()
                },
                Status::Broken,
                &["check/dns-error"],
            ),
            (
                "mx without starttls",
                Facts {
                    mx_tls: vec![("mx1.example.com".into(), MxTls::NoStarttls)],
                    ..good()
                },
                Status::Broken,
                &["check/mx-no-starttls"],
            ),
        ];
        for (name, facts, status, codes) in rows {
            let (s, c) = outcome(&facts);
            assert_eq!((s, c.as_slice()), (status, codes), "{name}");
        }
    }

    #[test]
    fn id_unchanged_after_a_policy_change_is_flagged() {
        let v = judge(&good());
        let hash = v.policy_hash.clone().expect("hash");
        let same = Facts {
            previous: Some(("20240101T000000".into(), hash.clone())),
            ..good()
        };
        assert!(judge(&same)
            .findings
            .iter()
            .all(|d| d.code != Code::CheckIdNotChanged));
        let changed = Facts {
            previous: Some(("20240101T000000".into(), "0".repeat(32))),
            ..good()
        };
        let d = judge(&changed);
        assert!(d
            .findings
            .iter()
            .any(|d| d.code == Code::CheckIdNotChanged && d.get("hash") == Some(hash.as_str())));
        assert_eq!(d.to_remember(), None, "keep the old pair: keep warning");
        assert_eq!(
            judge(&same).to_remember(),
            Some(("20240101T000000".into(), hash))
        );
    }

    #[test]
    fn the_checker_failing_is_not_a_verdict_on_the_domain() {
        let v = judge(&Facts {
            sts_txt: Dns::Unanswered("no answer from the resolver within 10 s".into()),
            mx: Dns::Unanswered("no answer from the resolver within 10 s".into()),
            ..good()
        });
        assert_eq!(v.status, Status::CouldNotCheck);
        assert_eq!(diag::code_names(&v.findings), ["check/resolver-failed"]);
        assert_eq!(
            v.findings[0].get("name"),
            Some("_mta-sts.example.com`, `example.com")
        );
        // the apex is asked for its TXT and its MX: one name, named once
        let apex = judge(&Facts {
            mx: Dns::Unanswered("timed out".into()),
            apex_txt: Some(Dns::Unanswered("timed out".into())),
            ..good()
        });
        assert_eq!(apex.findings[0].get("name"), Some("example.com"));
        // two reasons: two findings
        let two = judge(&Facts {
            sts_txt: Dns::Unanswered("timed out".into()),
            mx: Dns::Unanswered("HTTP 502 from the resolver".into()),
            ..good()
        });
        assert_eq!(
            diag::code_names(&two.findings),
            ["check/resolver-failed"; 2]
        );
        assert!(v.policy.is_none() && v.sts_id.is_none());
        // a SERVFAIL is the domain's problem: senders fail the same way
        let servfail = judge(&Facts {
            sts_txt: Dns::Failed("SERVFAIL".into()),
            ..good()
        });
        assert_eq!(servfail.status, Status::Broken);
    }

    #[test]
    fn policy_findings_are_kept_apart_even_at_offset_zero() {
        let v = judge(&Facts {
            policy: Some(Fetch::Response {
                status: 200,
                content_type: Some("text/plain".into()),
                location: None,
                body:
                    b"mode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\nmax_age: 86400\n"
                        .to_vec(),
            }),
            ..good()
        });
        assert!(diag::code_names(&v.policy_findings).contains(&"policy/missing-version"));
        assert!(!diag::code_names(&v.findings).contains(&"policy/missing-version"));
        assert!(v
            .all_findings()
            .iter()
            .any(|(d, in_policy)| d.code == Code::PolicyMissingVersion && *in_policy));
    }

    #[test]
    fn an_uncovered_mx_still_shows_the_policy_and_its_hash() {
        let v = judge(&Facts {
            mx: Dns::Records(vec!["mx9.example.org".into()]),
            ..good()
        });
        assert_eq!(v.status, Status::Broken);
        assert!(v.policy.is_some());
        assert_eq!(v.policy_hash, judge(&good()).policy_hash);
    }

    #[test]
    fn what_this_shell_could_not_test_is_said() {
        let codes = |f: &Facts| diag::code_names(&judge(f).findings);
        let edge = Facts {
            smtp_tested: false,
            dnssec: Some(false),
            ..good()
        };
        assert!(codes(&edge).contains(&"check/smtp-not-tested"));
        assert!(codes(&edge).contains(&"check/dnssec-not-validated"));
        assert_eq!(judge(&edge).status, Status::Working, "infos only");
        let signed = Facts {
            dnssec: Some(true),
            ..good()
        };
        assert!(codes(&signed).contains(&"check/dnssec-validated"));
        assert!(!codes(&good())
            .iter()
            .any(|c| c.contains("dnssec") || c.contains("smtp")));
    }

    #[test]
    fn facts_travel_as_json_and_judge_the_same() {
        let mut odd = good();
        odd.policy = Some(Fetch::Response {
            status: 200,
            content_type: Some("text/plain".into()),
            location: None,
            body: b"version: STSv1\nmode: enforce\nmx: \xff.example.com\nmax_age: 86400\n".to_vec(),
        });
        for f in [
            good(),
            odd,
            Facts {
                sts_txt: Dns::Failed("SERVFAIL".into()),
                mx: Dns::NoSuchName,
                policy: Some(Fetch::Tls {
                    reason: "bad certificate".into(),
                }),
                mx_tls: vec![("mx1.example.com".into(), MxTls::Failed("reset".into()))],
                dnssec: Some(true),
                previous: Some(("1".into(), "2".into())),
                ..good()
            },
        ] {
            let json = serde_json::to_string(&f).expect("serialize");
            let back: Facts = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(back, f, "{json}");
            assert_eq!(judge(&back), judge(&f));
        }
        let json = serde_json::to_value(good()).expect("serialize");
        assert_eq!(
            json["policy"]["response"]["body"], POLICY,
            "UTF-8 bodies stay readable"
        );
        assert_eq!(json["sts_txt"]["records"][0], "v=STSv1; id=20240101T000000");
    }

    #[test]
    fn status_renders_in_every_language() {
        let all = [
            Status::Working,
            Status::Testing,
            Status::Removing,
            Status::NotConfigured,
            Status::Broken,
            Status::CouldNotCheck,
        ];
        for lang in crate::i18n::Lang::ALL {
            let cat = crate::i18n::Catalog::get(*lang);
            let mut texts = std::collections::HashSet::new();
            for id in ["check--status", "check--next"] {
                for s in all {
                    let t = cat.render(id, &[("status", s.as_str().to_owned())]);
                    assert!(
                        !t.is_empty() && !t.contains("check--"),
                        "{} {t}",
                        lang.tag()
                    );
                    texts.insert(t);
                }
            }
            // a misspelled status would fall to the default variant and repeat a text
            assert_eq!(texts.len(), 2 * all.len(), "{}: {texts:?}", lang.tag());
        }
    }
}
