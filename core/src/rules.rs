//! Rule pages: for every [`Code`] a bad and a good example, and the code that runs an example through the rule
//! that emits the code (the policy linter, the record linters, the report decoder, the generator, the live
//! check's judge). The CLI's `mtasts explain` and the worker's `/rules/<code>` pages show them; the tests run
//! every example: the bad one must give its code, the good one must not. The worker's own refusals are HTTP
//! requests ([`Input::Request`]), replayed against a running worker by the end-to-end suite.

use crate::check::{self, Facts};
use crate::diag::{Code, Diagnostic};
use crate::generate::{self, IdSource};
use crate::policy::{self, Mode};
use crate::record;
use crate::report::{self, Limits};
use serde::Serialize;

/// What an example is, and so which code of the product judges it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Input {
    /// A policy file (`mta-sts.txt`), linted with these MX hosts (none: no coverage check).
    Policy {
        /// The file's bytes (not always UTF-8: that is one of the rules).
        #[serde(serialize_with = "lossy")]
        bytes: Vec<u8>,
        /// MX host names to check coverage against.
        mx: Vec<String>,
    },
    /// Text pasted where an `_mta-sts` record is expected (a value, zone-file or `dig` lines).
    StsRecord {
        /// The pasted text.
        text: String,
    },
    /// Text pasted where an `_smtp._tls` record is expected.
    TlsrptRecord {
        /// The pasted text.
        text: String,
    },
    /// A report file as received (JSON, gzip, or an e-mail), read with the product's caps, or with a lowered
    /// cap so that an example of "too large" stays small.
    Report {
        /// The bytes as received.
        #[serde(serialize_with = "lossy")]
        bytes: Vec<u8>,
        /// `gzip` when the bytes are the gzip of `shown` (shown uncompressed).
        gzip: bool,
        /// The caps the example is read with, when not the defaults.
        limits: Option<(usize, usize)>,
    },
    /// A report e-mail as received, judged by its DKIM signature (RFC 8460 §3) against these key records.
    Mail {
        /// The message.
        message: String,
        /// The TXT records the DKIM key names answer (`<selector>._domainkey.<domain>`, record).
        keys: Vec<(String, String)>,
    },
    /// What is asked of the generator.
    Generate {
        /// The mail domain.
        domain: String,
        /// MX hosts.
        mx: Vec<String>,
        /// `max_age`, seconds.
        max_age: u64,
        /// Report addresses.
        rua: Vec<String>,
    },
    /// What the live check saw: the fields that differ from a working domain's facts (JSON of [`Facts`]).
    Check {
        /// JSON object of the fields that differ from [`good_facts`].
        facts: String,
    },
    /// What a watch run gathered about a domain: the fields that differ from a healthy week's facts (JSON of
    /// [`crate::watch::Facts`]), judged with the default settings.
    Watch {
        /// JSON object of the fields that differ from [`GOOD_WATCH_FACTS`].
        facts: String,
    },
    /// A request to the worker; `{token}` in a header stands for the admin token.
    Request {
        /// The method.
        method: String,
        /// Path and query.
        path: String,
        /// Headers to send.
        headers: Vec<(String, String)>,
        /// The body.
        body: String,
        /// How many times it is sent (the last answer is the one that counts).
        repeat: u32,
    },
    /// No input causes this code: it depends on the deployment or on our own storage (why: catalog id).
    Circumstance {
        /// The catalog id that says when it happens.
        when: String,
    },
}

fn lossy<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&String::from_utf8_lossy(b))
}

/// One rule's examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The rule's code.
    #[serde(serialize_with = "code_name")]
    pub code: Code,
    /// An input that gives the code.
    pub bad: Input,
    /// The same input mended: it must not give the code.
    pub good: Input,
}

fn code_name<S: serde::Serializer>(c: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.name())
}

impl Input {
    /// The example as a reader sees it: the text itself (reports uncompressed, a request as HTTP lines).
    pub fn shown(&self) -> String {
        match self {
            Input::Policy { bytes, .. } => String::from_utf8_lossy(bytes).into_owned(),
            Input::StsRecord { text } | Input::TlsrptRecord { text } => text.clone(),
            Input::Report { bytes, gzip, .. } => {
                let raw = if *gzip {
                    report::decode::gunzip(bytes, 1 << 20).unwrap_or_default()
                } else {
                    bytes.clone()
                };
                String::from_utf8_lossy(&raw).into_owned()
            }
            Input::Generate {
                domain,
                mx,
                max_age,
                rua,
            } => {
                let mut s = format!("--domain {domain}");
                for m in mx {
                    s.push_str(&format!(" --mx {m}"));
                }
                s.push_str(&format!(" --max-age {max_age}"));
                for r in rua {
                    s.push_str(&format!(" --rua {r}"));
                }
                s
            }
            Input::Check { facts } | Input::Watch { facts } => facts.clone(),
            Input::Mail { message, .. } => message.clone(),
            Input::Request {
                method,
                path,
                headers,
                body,
                repeat,
            } => {
                let mut s = format!("{method} {path} HTTP/1.1\n");
                for (k, v) in headers {
                    s.push_str(&format!("{k}: {v}\n"));
                }
                if !body.is_empty() {
                    s.push('\n');
                    s.push_str(body);
                }
                if *repeat > 1 {
                    s.push_str(&format!("\n(× {repeat})"));
                }
                s
            }
            Input::Circumstance { .. } => String::new(),
        }
    }

    /// Runs the example through the rule that emits its codes; `None` for requests and circumstances, which
    /// only a running worker can answer.
    pub fn run(&self) -> Option<Vec<Diagnostic>> {
        Some(match self {
            Input::Policy { bytes, mx } => {
                let hosts: Vec<&str> = mx.iter().map(String::as_str).collect();
                if hosts.is_empty() {
                    policy::lint_bytes(bytes).diagnostics
                } else {
                    policy::lint_bytes_with_mx(bytes, &hosts).0.diagnostics
                }
            }
            Input::StsRecord { text } => record::sts::lint(text).diagnostics,
            Input::TlsrptRecord { text } => record::tlsrpt::lint(text).diagnostics,
            Input::Report { bytes, limits, .. } => {
                let limits = limits.map_or_else(Limits::default, |(i, o)| Limits {
                    max_input: i,
                    max_inflated: o,
                });
                match report::load(bytes, limits) {
                    Ok(loaded) => loaded.into_iter().flat_map(|l| l.warnings).collect(),
                    Err(d) => vec![d],
                }
            }
            Input::Generate {
                domain,
                mx,
                max_age,
                rua,
            } => {
                let req = generate::Request {
                    domain: domain.clone(),
                    mx: mx.clone(),
                    mode: Mode::Testing,
                    max_age: *max_age,
                    rua: rua.clone(),
                    id: IdSource::Given("20261202".into()),
                };
                match generate::generate(&req) {
                    Ok(g) => g.warnings,
                    Err(d) => d,
                }
            }
            Input::Mail { message, keys } => {
                let lookup = |name: &str| {
                    Some(
                        keys.iter()
                            .filter(|(n, _)| n == name)
                            .map(|(_, r)| r.clone())
                            .collect(),
                    )
                };
                match crate::dkim::judge(message.as_bytes(), &lookup) {
                    crate::dkim::Verdict::Pass { .. } => Vec::new(),
                    crate::dkim::Verdict::Fail(d) => vec![d],
                }
            }
            Input::Check { facts } => {
                let v = check::judge(&facts_of(facts)?);
                v.findings.into_iter().chain(v.policy_findings).collect()
            }
            Input::Watch { facts } => {
                let f = watch_facts_of(facts)?;
                let ev = crate::watch::evaluate(&f, &crate::watch::Settings::default());
                ev.alerts.into_iter().map(|a| a.diag).collect()
            }
            Input::Request { .. } | Input::Circumstance { .. } => return None,
        })
    }
}

/// A working domain, as the live check sees it: the baseline each check example changes a few fields of.
pub const GOOD_FACTS: &str = r#"{"domain": "example.com",
 "sts_txt": {"records": ["v=STSv1; id=20261202"]},
 "tlsrpt_txt": {"records": ["v=TLSRPTv1; rua=mailto:tlsrpt@example.com"]},
 "apex_txt": {"records": ["v=spf1 -all"]}, "old_tlsrpt_txt": "no-such-name",
 "mx": {"records": ["mx1.example.com"]},
 "policy": {"response": {"status": 200, "content_type": "text/plain", "location": null,
   "body": "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n"}},
 "smtp_tested": true, "mx_tls": [["mx1.example.com", "valid"]], "dnssec": null, "previous": null}"#;

/// The good facts with the fields of `overlay` (a JSON object) put over them; `None` if either is malformed.
pub fn facts_of(overlay: &str) -> Option<Facts> {
    let mut base: serde_json::Value = serde_json::from_str(GOOD_FACTS).ok()?;
    let over: serde_json::Value = serde_json::from_str(overlay).ok()?;
    for (k, v) in over.as_object()? {
        base.as_object_mut()?.insert(k.clone(), v.clone());
    }
    serde_json::from_value(base).ok()
}

/// A healthy week of a domain in testing mode, as a watch run gathers it: the baseline each watch example changes
/// a few fields of.
pub const GOOD_WATCH_FACTS: &str = r#"{"domain": "example.com", "day": "2026-05-07",
 "days": [{"day": "2026-05-07", "reports": 3, "successful": 1000, "failed": 0},
          {"day": "2026-05-06", "reports": 3, "successful": 1000, "failed": 0}],
 "result_types": [], "known_result_types": ["starttls-not-supported"],
 "failing_mx": [], "last_report_day": "2026-05-07",
 "policy": "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n",
 "dns_mx": ["mx1.example.com"],
 "self_check": {"ran": true, "rua": ["mailto:tlsrpt@example.com"], "ours": ["mailto:tlsrpt@example.com"]}}"#;

/// The good watch facts with the fields of `overlay` put over them; `None` if either is malformed.
pub fn watch_facts_of(overlay: &str) -> Option<crate::watch::Facts> {
    let mut base: serde_json::Value = serde_json::from_str(GOOD_WATCH_FACTS).ok()?;
    let over: serde_json::Value = serde_json::from_str(overlay).ok()?;
    for (k, v) in over.as_object()? {
        base.as_object_mut()?.insert(k.clone(), v.clone());
    }
    serde_json::from_value(base).ok()
}

/// The RFC 8460 and RFC 8461 sections the rules cite, as the RFCs write them (`== RFC 8461 §4.1` headers).
const EXCERPTS: &str = include_str!("../rfc/excerpts.txt");

/// The text of a cited section of RFC 8460 or RFC 8461 (heading line first), for the rule pages; `None` for
/// the other documents cited (their link is given instead).
pub fn excerpt(section: &str) -> Option<&'static str> {
    let start = EXCERPTS.find(&format!("\n== {section}\n"))? + section.len() + 5;
    let rest = &EXCERPTS[start..];
    Some(rest[..rest.find("\n== ").unwrap_or(rest.len())].trim_end())
}

/// The rule of `code`.
pub fn rule(code: Code) -> Rule {
    let (bad, good) = examples(code);
    Rule { code, bad, good }
}

/// Every rule, in the registry's order.
pub fn all() -> Vec<Rule> {
    Code::ALL.iter().map(|c| rule(*c)).collect()
}

// ---- example builders

const POLICY: &str = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n";

fn pol(text: &str) -> Input {
    pol_mx(text, &[])
}
fn pol_mx(text: &str, mx: &[&str]) -> Input {
    Input::Policy {
        bytes: text.as_bytes().to_vec(),
        mx: mx.iter().map(|s| s.to_string()).collect(),
    }
}
/// The good policy with one line replaced (`from` → `to`).
fn pol_edit(from: &str, to: &str) -> Input {
    pol(&POLICY.replacen(from, to, 1))
}
fn sts(text: &str) -> Input {
    Input::StsRecord { text: text.into() }
}
fn tls(text: &str) -> Input {
    Input::TlsrptRecord { text: text.into() }
}
const STS: &str = "v=STSv1; id=20261202";
const TLS: &str = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com";

/// A report as Google and others send it (RFC 8460 §4.4), with one failure detail.
const REPORT: &str = r#"{
  "organization-name": "Sender Inc.",
  "date-range": {"start-datetime": "2026-11-30T00:00:00Z", "end-datetime": "2026-11-30T23:59:59Z"},
  "contact-info": "tlsrpt@sender.example",
  "report-id": "2026-11-30T00:00:00Z_example.com",
  "policies": [{
    "policy": {"policy-type": "sts", "policy-domain": "example.com",
      "policy-string": ["version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 604800"],
      "mx-host": ["mx1.example.com"]},
    "summary": {"total-successful-session-count": 120, "total-failure-session-count": 2},
    "failure-details": [{"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.25",
      "receiving-mx-hostname": "mx1.example.com", "failed-session-count": 2}]
  }]
}
"#;

fn rep(text: &str) -> Input {
    Input::Report {
        bytes: text.as_bytes().to_vec(),
        gzip: false,
        limits: None,
    }
}
/// The good report with `from` replaced by `to`.
fn rep_edit(from: &str, to: &str) -> Input {
    debug_assert!(REPORT.contains(from), "{from}");
    rep(&REPORT.replacen(from, to, 1))
}
fn rep_capped(text: &str, max_input: usize, max_inflated: usize, gzip: bool) -> Input {
    let bytes = if gzip {
        report::decode::gzip(text.as_bytes())
    } else {
        text.as_bytes().to_vec()
    };
    Input::Report {
        bytes,
        gzip,
        limits: Some((max_input, max_inflated)),
    }
}
fn gen(domain: &str, mx: &[&str], max_age: u64, rua: &[&str]) -> Input {
    Input::Generate {
        domain: domain.into(),
        mx: mx.iter().map(|s| s.to_string()).collect(),
        max_age,
        rua: rua.iter().map(|s| s.to_string()).collect(),
    }
}
fn chk(overlay: &str) -> Input {
    Input::Check {
        facts: overlay.into(),
    }
}
fn watch(overlay: &str) -> Input {
    Input::Watch {
        facts: overlay.into(),
    }
}
fn req(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Input {
    Input::Request {
        method: method.into(),
        path: path.into(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.into(),
        repeat: 1,
    }
}
fn when(id: &str) -> Input {
    Input::Circumstance { when: id.into() }
}
const AUTH: (&str, &str) = ("Authorization", "Bearer {token}");
const JSON_TYPE: (&str, &str) = ("Content-Type", "application/tlsrpt+json");
/// A report for a domain no deployment serves.
fn unserved_report() -> String {
    REPORT.replace("example.com", "unserved.example")
}

use crate::report::decode::{MAX_NESTED_MESSAGES, MAX_REPORT_PARTS};

/// The report e-mail forwarded `depth` times, each forward attaching the previous one as `message/rfc822`.
fn forwarded(depth: usize) -> String {
    let mut m = mail_with_parts(1);
    for i in 0..depth {
        m = format!(
            "From: admin{i}@example.com\r\nSubject: Fwd: TLS report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f{i}\"\r\n\r\n--f{i}\r\nContent-Type: message/rfc822\r\n\r\n{m}\r\n--f{i}--\r\n"
        );
    }
    m
}

/// An e-mail carrying `n` copies of the report as `application/tlsrpt+json` parts (RFC 8460 §5.3).
fn mail_with_parts(n: usize) -> String {
    let mut m = String::from(
        "From: tlsrpt@sender.example\r\nTo: tlsrpt@example.com\r\nSubject: Report Domain: example.com Submitter: sender.example Report-ID: <1@sender.example>\r\nMessage-ID: <1@sender.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=tlsrpt; boundary=\"b\"\r\n\r\n",
    );
    for i in 0..n {
        m.push_str(&format!(
            "--b\r\nContent-Type: application/tlsrpt+json\r\nContent-Disposition: attachment; filename=\"report-{i}.json\"\r\n\r\n{}\r\n",
            REPORT
        ));
    }
    m.push_str("--b--\r\n");
    m
}

fn mail(message: &str) -> Input {
    Input::Mail {
        message: message.into(),
        keys: vec![
            (
                "mtasts-test._domainkey.sender.example".into(),
                EXAMPLE_KEY.into(),
            ),
            (
                "mtasts-test._domainkey.example.com".into(),
                EXAMPLE_KEY.into(),
            ),
        ],
    }
}

/// The key record of the examples' signatures (the testbed's test key, `testbed/keys/`; see `core/rules/`).
const EXAMPLE_KEY: &str = include_str!("../rules/dkim-test-key.txt");
/// A report e-mail as RFC 8460 §5.3 describes it, unsigned.
const UNSIGNED_MAIL: &str = include_str!("../rules/report-unsigned.eml");
/// The same, signed by the reporting domain `sender.example`.
const SIGNED_MAIL: &str = include_str!("../rules/report-signed.eml");
/// The same, signed by `example.com`, which is not the reporting domain.
const SIGNED_BY_OTHER_MAIL: &str = include_str!("../rules/report-signed-by-other.eml");
/// The same, signed with `l=`.
const SIGNED_WITH_L_MAIL: &str = include_str!("../rules/report-signed-with-l.eml");

const EMAIL_PLAIN: &str = "From: alice@example.net\r\nTo: tlsrpt@example.com\r\nSubject: Lunch?\r\n\
Message-ID: <1@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nSee you at noon.\r\n";

/// The bad and the good example of `code`.
fn examples(code: Code) -> (Input, Input) {
    use Code as C;
    match code {
        C::InputEmpty => (sts("  "), sts(STS)),
        C::InputCurlyQuotes => (
            sts("_mta-sts.example.com. 300 IN TXT \u{201c}v=STSv1; id=20261202\u{201d}"),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::InputUnclosedQuote => (
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202"),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::StsVersionNotFirst => (sts("id=20261202; v=STSv1"), sts(STS)),
        C::StsBadVersion => (sts("v=STSv2; id=20261202"), sts(STS)),
        C::StsMissingId => (sts("v=STSv1;"), sts(STS)),
        C::StsIdEmpty => (sts("v=STSv1; id="), sts(STS)),
        C::StsIdTooLong => (
            sts("v=STSv1; id=2026120212000000000000000000000000"),
            sts("v=STSv1; id=20261202120000"),
        ),
        C::StsIdInvalidChar => (sts("v=STSv1; id=2026-12-02"), sts(STS)),
        C::StsWrongRecordType => (sts("v=spf1 include:_spf.google.com ~all"), sts(STS)),
        C::StsMultipleRecords => (
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261201\"\n_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::StsDiscardedRecord => (
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\"\n_mta-sts.example.com. 300 IN TXT \"google-site-verification=abc\""),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::StsWrongName => (
            sts("mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::TlsrptVersionNotFirst => (tls("rua=mailto:tlsrpt@example.com; v=TLSRPTv1"), tls(TLS)),
        C::TlsrptBadVersion => (tls("v=TLSRPTv2; rua=mailto:tlsrpt@example.com"), tls(TLS)),
        C::TlsrptMissingRua => (tls("v=TLSRPTv1;"), tls(TLS)),
        C::TlsrptEmptyUri => (tls("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,"), tls(TLS)),
        C::TlsrptBadScheme => (tls("v=TLSRPTv1; rua=ftp://reports.example.com/"), tls(TLS)),
        C::TlsrptHttpNotHttps => (
            tls("v=TLSRPTv1; rua=http://reports.example.com/v1/tlsrpt"),
            tls("v=TLSRPTv1; rua=https://reports.example.com/v1/tlsrpt"),
        ),
        C::TlsrptBadMailto => (tls("v=TLSRPTv1; rua=mailto:tlsrpt.example.com"), tls(TLS)),
        C::TlsrptBadHttps => (
            tls("v=TLSRPTv1; rua=https://[reports.example.com/v1/tlsrpt"),
            tls("v=TLSRPTv1; rua=https://reports.example.com/v1/tlsrpt"),
        ),
        C::TlsrptUnencodedChar => (
            tls("v=TLSRPTv1; rua=mailto:tls!rpt@example.com"),
            tls("v=TLSRPTv1; rua=mailto:tls%21rpt@example.com"),
        ),
        C::TlsrptWrongRecordType => (tls("v=DMARC1; p=none; rua=mailto:dmarc@example.com"), tls(TLS)),
        C::TlsrptMultipleRecords => (
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com\"\n_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:b@example.com\""),
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com\""),
        ),
        C::TlsrptDiscardedRecord => (
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"\n_smtp._tls.example.com. 300 IN TXT \"v=spf1 -all\""),
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\""),
        ),
        C::TlsrptOldName => (
            tls("_smtp-tlsrpt.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\""),
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\""),
        ),
        C::TlsrptWrongName => (
            tls("_tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\""),
            tls("_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\""),
        ),
        C::RecordMalformedField => (sts("v=STSv1; id=20261202; comment"), sts(STS)),
        C::RecordEmptyField => (sts("v=STSv1;; id=20261202"), sts(STS)),
        C::RecordBadWhitespace => (sts("v=STSv1; id = 20261202"), sts(STS)),
        C::RecordSurroundingWhitespace => (
            sts("_mta-sts.example.com. 300 IN TXT \" v=STSv1; id=20261202\""),
            sts("_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20261202\""),
        ),
        C::RecordBadExtensionName => (sts("v=STSv1; id=20261202; -note=x"), sts(STS)),
        C::RecordBadExtensionValue => (sts("v=STSv1; id=20261202; note=a=b"), sts(STS)),
        C::RecordUnknownField => (sts("v=STSv1; id=20261202; note=x"), sts(STS)),
        C::RecordDuplicateField => (sts("v=STSv1; id=20261201; id=20261202"), sts(STS)),
        C::RecordLongString => {
            let many: Vec<String> = (1..=12)
                .map(|i| format!("mailto:tls-reports-{i}@example.com"))
                .collect();
            let value = format!("v=TLSRPTv1; rua={}", many.join(","));
            let quoted = format!(
                "_smtp._tls.example.com. 300 IN TXT \"{}\" \"{}\"",
                &value[..200],
                &value[200..]
            );
            (tls(&value), tls(&quoted))
        }
        C::PolicyEmpty => (pol(""), pol(POLICY)),
        C::PolicyTooLarge => {
            let pad = format!("{POLICY}note: {}\n", "x".repeat(64 * 1024));
            (pol(&pad), pol(POLICY))
        }
        C::PolicyNotUtf8 => {
            let mut bytes = POLICY.as_bytes().to_vec();
            bytes.extend_from_slice(b"note: caf\xe9\n");
            (
                Input::Policy { bytes, mx: vec![] },
                pol(&format!("{POLICY}note: caf\u{e9}\n")),
            )
        }
        C::PolicyBom => (pol(&format!("\u{feff}{POLICY}")), pol(POLICY)),
        C::PolicyControlChar => (pol_edit("mode: enforce", "mode: enforce\u{7}"), pol(POLICY)),
        C::PolicyBareCr => (pol_edit("version: STSv1\n", "version: STSv1\r"), pol(POLICY)),
        C::PolicyMixedLineEndings => (
            pol_edit("version: STSv1\n", "version: STSv1\r\n"),
            pol(&POLICY.replace('\n', "\r\n")),
        ),
        C::PolicyBlankLine => (pol_edit("version: STSv1\n", "version: STSv1\n\n"), pol(POLICY)),
        C::PolicyLeadingWhitespace => (pol_edit("mode: enforce", "  mode: enforce"), pol(POLICY)),
        C::PolicyMalformedLine => (
            pol_edit("mx: mx1.example.com", "mx mx1.example.com"),
            pol(POLICY),
        ),
        C::PolicyBadFieldName => (pol(&format!("{POLICY}-note: x\n")), pol(&format!("{POLICY}note: x\n"))),
        C::PolicyBadFieldValue => (pol(&format!("{POLICY}note: a\tb\n")), pol(&format!("{POLICY}note: a b\n"))),
        C::PolicyFieldCase => (pol_edit("mode:", "Mode:"), pol(POLICY)),
        C::PolicyUnknownField => (pol(&format!("{POLICY}note: x\n")), pol(POLICY)),
        C::PolicyDuplicateField => (
            pol(&format!("{POLICY}max_age: 86400\n")),
            pol(POLICY),
        ),
        C::PolicyMissingVersion => (pol_edit("version: STSv1\n", ""), pol(POLICY)),
        C::PolicyBadVersion => (pol_edit("STSv1", "STSv2"), pol(POLICY)),
        C::PolicyVersionNotFirst => (
            pol("mode: enforce\nversion: STSv1\nmx: mx1.example.com\nmax_age: 604800\n"),
            pol(POLICY),
        ),
        C::PolicyMissingMode => (pol_edit("mode: enforce\n", ""), pol(POLICY)),
        C::PolicyBadMode => (pol_edit("mode: enforce", "mode: strict"), pol(POLICY)),
        C::PolicyModeNone => (pol_edit("mode: enforce", "mode: none"), pol(POLICY)),
        C::PolicyMissingMaxAge => (pol_edit("max_age: 604800\n", ""), pol(POLICY)),
        C::PolicyBadMaxAge => (pol_edit("604800", "1w"), pol(POLICY)),
        C::PolicyMaxAgeTooManyDigits => (pol_edit("604800", "00000000604800"), pol(POLICY)),
        C::PolicyMaxAgeTooLarge => (pol_edit("604800", "99999999"), pol(POLICY)),
        C::PolicyMaxAgeShort => (pol_edit("604800", "3600"), pol(POLICY)),
        C::PolicyTestingMaxAge => (
            pol("version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n"),
            pol("version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n"),
        ),
        C::PolicyMissingMx => (pol_edit("mx: mx1.example.com\n", ""), pol(POLICY)),
        C::PolicyMxEmpty => (pol_edit("mx: mx1.example.com", "mx: "), pol(POLICY)),
        C::PolicyMxWildcardNotLeftmost => (
            pol_edit("mx1.example.com", "mail.*.example.com"),
            pol_edit("mx1.example.com", "*.example.com"),
        ),
        C::PolicyMxWildcardTooBroad => (pol_edit("mx1.example.com", "*.com"), pol_edit("mx1.example.com", "*.example.com")),
        C::PolicyMxULabel => (
            pol_edit("mx1.example.com", "mx1.bücher.example"),
            pol_edit("mx1.example.com", "mx1.xn--bcher-kva.example"),
        ),
        C::PolicyMxIpLiteral => (pol_edit("mx1.example.com", "192.0.2.25"), pol(POLICY)),
        C::PolicyMxTrailingDot => (pol_edit("mx1.example.com", "mx1.example.com."), pol(POLICY)),
        C::PolicyMxInvalid => (pol_edit("mx1.example.com", "mx1..example.com"), pol(POLICY)),
        C::PolicyMxDuplicate => (
            pol_edit("mx: mx1.example.com\n", "mx: mx1.example.com\nmx: mx1.example.com\n"),
            pol(POLICY),
        ),
        C::PolicyMxSingleLabel => (pol_edit("mx1.example.com", "mailhost"), pol(POLICY)),
        C::MxNotCoveredEnforce => (
            pol_mx(POLICY, &["mx1.example.com", "mx2.example.com"]),
            pol_mx(
                &POLICY.replace("mx1.example.com", "*.example.com"),
                &["mx1.example.com", "mx2.example.com"],
            ),
        ),
        C::MxNotCovered => {
            let testing = POLICY.replace("enforce", "testing");
            (
                pol_mx(&testing, &["mx2.example.com"]),
                pol_mx(&testing, &["mx1.example.com"]),
            )
        }
        C::MxPatternUnused => (
            pol_mx(
                &POLICY.replace("mx: mx1.example.com\n", "mx: mx1.example.com\nmx: old-mx.example.com\n"),
                &["mx1.example.com"],
            ),
            pol_mx(POLICY, &["mx1.example.com"]),
        ),
        C::MxInvalidHost => (
            pol_mx(POLICY, &["mx1.example.com", "mx 2.example.com"]),
            pol_mx(POLICY, &["mx1.example.com"]),
        ),
        C::CheckNoStsRecord => (chk(r#"{"sts_txt": "no-such-name", "policy": null}"#), chk("{}")),
        C::CheckNoTlsrptRecord => (chk(r#"{"tlsrpt_txt": "no-such-name"}"#), chk("{}")),
        C::CheckStsAtApex => (
            chk(r#"{"sts_txt": "no-such-name", "policy": null, "apex_txt": {"records": ["v=spf1 -all", "v=STSv1; id=20261202"]}}"#),
            chk("{}"),
        ),
        C::CheckDnsError => (chk(r#"{"sts_txt": {"failed": "SERVFAIL"}, "policy": null}"#), chk("{}")),
        C::CheckNoMx => (chk(r#"{"mx": {"records": []}, "mx_tls": []}"#), chk("{}")),
        C::CheckPolicyHttpStatus => (
            chk(r#"{"policy": {"response": {"status": 404, "content_type": "text/html", "location": null, "body": "<h1>Not Found</h1>"}}}"#),
            chk("{}"),
        ),
        C::CheckPolicyRedirect => (
            chk(r#"{"policy": {"response": {"status": 301, "content_type": "text/html", "location": "https://www.example.com/.well-known/mta-sts.txt", "body": ""}}}"#),
            chk("{}"),
        ),
        C::CheckPolicyContentType => (
            chk(r#"{"policy": {"response": {"status": 200, "content_type": "text/html", "location": null, "body": "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n"}}}"#),
            chk("{}"),
        ),
        C::CheckPolicyTimeout => (chk(r#"{"policy": {"timeout": {"seconds": 60}}}"#), chk("{}")),
        C::CheckPolicyTls => (
            chk(r#"{"policy": {"tls": {"reason": "certificate not valid for mta-sts.example.com"}}}"#),
            chk("{}"),
        ),
        C::CheckPolicyUnreachable => (
            chk(r#"{"policy": {"unreachable": {"reason": "connection refused"}}}"#),
            chk("{}"),
        ),
        C::WatchFailureRate => (
            watch(r#"{"days": [{"day": "2026-05-07", "reports": 3, "successful": 900, "failed": 100}]}"#),
            watch(r#"{"days": [{"day": "2026-05-07", "reports": 3, "successful": 990, "failed": 10}]}"#),
        ),
        C::WatchNewResultType => (
            watch(r#"{"result_types": [{"name": "certificate-expired", "failed": 2}]}"#),
            watch(r#"{"result_types": [{"name": "starttls-not-supported", "failed": 2}]}"#),
        ),
        C::WatchReportsStopped => (
            watch(r#"{"last_report_day": "2026-05-03"}"#),
            watch(r#"{"last_report_day": "2026-05-06"}"#),
        ),
        C::WatchPolicyInvalid => (
            watch(r#"{"policy": "version: STSv1\nmode: enforced\nmx: mx1.example.com\nmax_age: 604800\n"}"#),
            watch("{}"),
        ),
        C::WatchMxNotCovered => (
            watch(r#"{"failing_mx": [{"name": "mx2.example.net", "failed": 40}]}"#),
            watch(r#"{"failing_mx": [{"name": "mx1.example.com", "failed": 40}]}"#),
        ),
        C::WatchMxGone => (
            watch(r#"{"dns_mx": ["mx2.example.com"], "policy": "version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: mx2.example.com\nmax_age: 604800\n"}"#),
            watch(r#"{"dns_mx": ["mx1.example.com", "mx2.example.com"], "policy": "version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: mx2.example.com\nmax_age: 604800\n"}"#),
        ),
        C::WatchEnforceWithFailures => (
            watch(r#"{"policy": "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n", "days": [{"day": "2026-05-06", "reports": 3, "successful": 990, "failed": 10}]}"#),
            watch(r#"{"policy": "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n"}"#),
        ),
        C::WatchRuaElsewhere => (
            watch(r#"{"self_check": {"ran": true, "rua": ["mailto:reports@elsewhere.example"], "ours": ["mailto:tlsrpt@example.com"]}}"#),
            watch(r#"{"self_check": {"ran": true, "rua": ["mailto:reports@elsewhere.example", "mailto:tlsrpt@example.com"], "ours": ["mailto:tlsrpt@example.com"]}}"#),
        ),
        C::CheckIdNotChanged => (
            chk(r#"{"previous": ["20261202", "0123456789abcdef0123456789abcdef"]}"#),
            chk(r#"{"previous": ["20261201", "0123456789abcdef0123456789abcdef"]}"#),
        ),
        C::CheckMxNoStarttls => (chk(r#"{"mx_tls": [["mx1.example.com", "no-starttls"]]}"#), chk("{}")),
        C::CheckMxCertMismatch => (chk(r#"{"mx_tls": [["mx1.example.com", "name-mismatch"]]}"#), chk("{}")),
        C::CheckMxTlsError => (
            chk(r#"{"mx_tls": [["mx1.example.com", {"failed": "certificate expired"}]]}"#),
            chk("{}"),
        ),
        C::CheckResolverFailed => (
            chk(r#"{"sts_txt": {"unanswered": "no answer within 10 s"}, "policy": null}"#),
            chk("{}"),
        ),
        C::CheckSmtpNotTested => (chk(r#"{"smtp_tested": false, "mx_tls": []}"#), chk("{}")),
        C::CheckDnssecValidated => (chk(r#"{"dnssec": true}"#), chk(r#"{"dnssec": false}"#)),
        C::CheckDnssecNotValidated => (chk(r#"{"dnssec": false}"#), chk(r#"{"dnssec": true}"#)),
        C::GenerateBadDomain => (
            gen("example..com", &["mx1.example.com"], 604800, &["tlsrpt@example.com"]),
            gen("example.com", &["mx1.example.com"], 604800, &["tlsrpt@example.com"]),
        ),
        C::GenerateNoMx => (
            gen("example.com", &[], 604800, &["tlsrpt@example.com"]),
            gen("example.com", &["mx1.example.com"], 604800, &["tlsrpt@example.com"]),
        ),
        C::GenerateNoRua => (
            gen("example.com", &["mx1.example.com"], 604800, &[]),
            gen("example.com", &["mx1.example.com"], 604800, &["tlsrpt@example.com"]),
        ),
        C::GenerateBadMaxAge => (
            gen("example.com", &["mx1.example.com"], 40_000_000, &["tlsrpt@example.com"]),
            gen("example.com", &["mx1.example.com"], 604800, &["tlsrpt@example.com"]),
        ),
        C::ReportBadJson => (rep(&REPORT[..120]), rep(REPORT)),
        C::ReportNotReport => (rep(r#"{"hello": "world"}"#), rep(REPORT)),
        C::ReportMissingField => (
            rep_edit("  \"contact-info\": \"tlsrpt@sender.example\",\n", ""),
            rep(REPORT),
        ),
        C::ReportTooLarge => (
            rep_capped(REPORT, 512, 1 << 20, false),
            rep_capped(REPORT, 1024, 1 << 20, false),
        ),
        C::ReportInflatedTooLarge => (
            rep_capped(REPORT, 1024, 512, true),
            rep_capped(REPORT, 1024, 1024, true),
        ),
        C::ReportBadGzip => (
            Input::Report {
                bytes: b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03{\"organization-name\": \"Sender Inc.\"}"
                    .to_vec(),
                gzip: false,
                limits: None,
            },
            rep_capped(REPORT, 1 << 20, 1 << 20, true),
        ),
        C::ReportEmailWithoutReport => (rep(EMAIL_PLAIN), rep(REPORT)),
        C::ReportUnknownFormat => (
            Input::Report {
                bytes: b"PK\x03\x04\x14\x00\x00\x00\x08\x00report.json".to_vec(),
                gzip: false,
                limits: None,
            },
            rep_capped(REPORT, 1 << 20, 1 << 20, true),
        ),
        C::ReportBadDatetime => (rep_edit("2026-11-30T00:00:00Z\"", "yesterday\""), rep(REPORT)),
        C::ReportDatetimeNoTimezone => (
            rep_edit("\"start-datetime\": \"2026-11-30T00:00:00Z\"", "\"start-datetime\": \"2026-11-30T00:00:00\""),
            rep(REPORT),
        ),
        C::ReportMxHostString => (
            rep_edit("\"mx-host\": [\"mx1.example.com\"]", "\"mx-host\": \"mx1.example.com\""),
            rep(REPORT),
        ),
        C::ReportMxHostPrefixed => (
            rep_edit("\"mx-host\": [\"mx1.example.com\"]", "\"mx-host\": [\"mx: mx1.example.com\"]"),
            rep(REPORT),
        ),
        C::ReportBadIp => (rep_edit("\"192.0.2.25\"", "\"192.0.2.256\""), rep(REPORT)),
        C::ReportUnknownResultType => (rep_edit("certificate-expired", "certificate-too-old"), rep(REPORT)),
        C::ReportUnknownPolicyType => (rep_edit("\"policy-type\": \"sts\"", "\"policy-type\": \"mta-sts\""), rep(REPORT)),
        C::ReportPolicyStringJson => (
            rep_edit(
                "[\"version: STSv1\", \"mode: enforce\", \"mx: mx1.example.com\", \"max_age: 604800\"]",
                "\"[\\\"version: STSv1\\\", \\\"mode: enforce\\\", \\\"mx: mx1.example.com\\\", \\\"max_age: 604800\\\"]\"",
            ),
            rep(REPORT),
        ),
        C::ReportContactNull => (
            rep_edit("\"contact-info\": \"tlsrpt@sender.example\"", "\"contact-info\": null"),
            rep(REPORT),
        ),
        C::ReportFailureCountMismatch => (
            rep_edit("\"total-failure-session-count\": 2", "\"total-failure-session-count\": 5"),
            rep(REPORT),
        ),
        C::ReportTooManyParts => (
            rep(&mail_with_parts(MAX_REPORT_PARTS + 1)),
            rep(&mail_with_parts(1)),
        ),
        C::ReportTooDeeplyNested => (
            rep(&forwarded(MAX_NESTED_MESSAGES + 1)),
            rep(&forwarded(1)),
        ),
        C::DkimMissing => (mail(UNSIGNED_MAIL), mail(SIGNED_MAIL)),
        C::DkimInvalid => (
            mail(&SIGNED_MAIL.replace("\"total-failure-session-count\": 2", "\"total-failure-session-count\": 0")),
            mail(SIGNED_MAIL),
        ),
        C::DkimWrongDomain => (mail(SIGNED_BY_OTHER_MAIL), mail(SIGNED_MAIL)),
        C::DkimBodyLength => (mail(SIGNED_WITH_L_MAIL), mail(SIGNED_MAIL)),
        C::ReportBadCount => (
            rep_edit("\"total-successful-session-count\": 120", "\"total-successful-session-count\": -120"),
            rep(REPORT),
        ),
        // ---- the worker's answers: requests to a running worker (tests/rules.test.mjs replays them)
        C::AuthNotConfigured => (when("rules--when-no-token"), req("GET", "/api/policies", &[AUTH], "")),
        C::AuthInvalidToken => (
            req("GET", "/api/policies", &[("Authorization", "Bearer wrong-token")], ""),
            req("GET", "/api/policies", &[AUTH], ""),
        ),
        C::ApiNotFound => (req("GET", "/api/polices", &[AUTH], ""), req("GET", "/api/policies", &[AUTH], "")),
        C::ApiBadDomain => (
            req("GET", "/api/policies/example..com", &[AUTH], ""),
            req("GET", "/api/policies/example.com", &[AUTH], ""),
        ),
        C::ApiBadDate => (
            req("GET", "/api/reports?from=30/11/2026", &[AUTH], ""),
            req("GET", "/api/reports?from=2026-11-30", &[AUTH], ""),
        ),
        C::ApiBadKey => (
            req("GET", "/api/reports/example.com", &[AUTH], ""),
            req("GET", "/api/reports/report:example.com:2026-11-30:0", &[AUTH], ""),
        ),
        C::ApiBadCursor => (
            req("GET", "/api/reports?cursor=page-2", &[AUTH], ""),
            req("GET", "/api/reports", &[AUTH], ""),
        ),
        C::ApiUnreadableBody => (when("rules--when-body-lost"), req("PUT", "/api/policies/example.com", &[AUTH], POLICY)),
        C::ApiInvalidPolicy => (
            req("PUT", "/api/policies/example.com", &[AUTH], &POLICY.replace("enforce", "strict")),
            req("PUT", "/api/policies/example.com", &[AUTH], POLICY),
        ),
        C::ApiBadWatchSettings => (
            req("PUT", "/api/watch/example.com", &[AUTH], r#"{"webhooks": [{"url": "http://hooks.example/x"}]}"#),
            req("PUT", "/api/watch/example.com", &[AUTH], r#"{"webhooks": [], "lang": "de"}"#),
        ),
        C::ApiCannotGenerate => (when("rules--when-cannot-generate"), req("GET", "/api/records?domain=example.com", &[AUTH], "")),
        C::IngestUnsupportedType => (
            req("POST", "/v1/tlsrpt", &[("Content-Type", "text/plain")], REPORT),
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
        ),
        C::IngestEmptyBody => (
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], ""),
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
        ),
        C::IngestDomainNotServed => (
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], &unserved_report()),
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
        ),
        C::IngestCountTooLarge => (
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], &REPORT.replace(": 120,", ": 9007199254740992,")),
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
        ),
        C::HttpNotFound => (req("POST", "/v1/tlsrpt/", &[JSON_TYPE], REPORT), req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT)),
        C::HttpMethodNotAllowed => (
            req("PUT", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
            req("POST", "/v1/tlsrpt", &[JSON_TYPE], REPORT),
        ),
        C::ServerUnavailable => (when("rules--when-storage-fails"), req("GET", "/api/policies", &[AUTH], "")),
        C::PolicyUnknownHost => (
            req("GET", "/.well-known/mta-sts.txt", &[("Host", "www.example.com")], ""),
            req("GET", "/.well-known/mta-sts.txt", &[("Host", "mta-sts.example.com")], ""),
        ),
        C::PolicyUnknownDomain => (
            req("GET", "/.well-known/mta-sts.txt", &[("Host", "mta-sts.unserved.example")], ""),
            req("GET", "/.well-known/mta-sts.txt", &[("Host", "mta-sts.example.com")], ""),
        ),
        C::PolicyInvalidStored => (when("rules--when-stored-invalid"), req("GET", "/api/records?domain=example.com", &[AUTH], "")),
        C::CheckMissingDomain => (req("GET", "/api/check", &[], ""), req("GET", "/api/check?domain=example.com", &[], "")),
        C::CheckBadDomain => (
            req("GET", "/api/check?domain=https://example.com/", &[], ""),
            req("GET", "/api/check?domain=example.com", &[], ""),
        ),
        C::CheckRateLimited => {
            // more than 30 checks of a valid domain within a minute (refused domains are not counted): 61 in a row,
            // so that however the limiter's one-minute window falls across them, one window holds 31
            let mut bad = req("GET", "/api/check?domain=example.com", &[("CF-Connecting-IP", "192.0.2.99")], "");
            if let Input::Request { repeat, .. } = &mut bad {
                *repeat = 61;
            }
            (bad, req("GET", "/api/check?domain=example..com", &[("CF-Connecting-IP", "192.0.2.100")], ""))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule's bad example gives its code and its good example does not, run through the code that emits
    /// it; requests are replayed against workerd by `tests/rules.test.mjs`.
    #[test]
    fn every_example_runs_through_its_rule() {
        let mut failures = Vec::new();
        for r in all() {
            let (Some(bad), Some(good)) = (r.bad.run(), r.good.run()) else {
                assert!(
                    matches!(r.bad, Input::Request { .. } | Input::Circumstance { .. }),
                    "{}: only the worker's answers are left to the end-to-end suite",
                    r.code.name()
                );
                continue;
            };
            if !bad.iter().any(|d| d.code == r.code) {
                failures.push(format!(
                    "{}: bad example gives {:?}",
                    r.code.name(),
                    crate::diag::code_names(&bad)
                ));
            }
            if good.iter().any(|d| d.code == r.code) {
                failures.push(format!("{}: good example gives it too", r.code.name()));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Each excerpt is its RFC's section: it opens with the section's heading line and every one of its lines
    /// appears, in order, in the RFC text (`../shared/rfc`, or `MTASTS_RFC`).
    #[test]
    fn excerpts_are_the_rfc_text() {
        let dir = std::env::var("MTASTS_RFC").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/rfc").to_owned()
        });
        for (section, heading) in crate::diag::SECTIONS {
            let Some((num, sec)) = section
                .strip_prefix("RFC ")
                .and_then(|r| r.split_once(" §"))
            else {
                continue;
            };
            if num != "8460" && num != "8461" {
                assert!(excerpt(section).is_none(), "{section}");
                continue;
            }
            let text = excerpt(section).unwrap_or_else(|| panic!("no excerpt of {section}"));
            assert!(text.starts_with(&format!("{sec}.  {heading}")), "{section}");
            let path = format!("{dir}/rfc{num}.txt");
            let rfc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut at = 0;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                match rfc[at..].find(line) {
                    Some(i) => at += i + line.len(),
                    None => panic!("{section}: `{line}` is not in {path} (in order)"),
                }
            }
        }
    }

    #[test]
    fn check_examples_are_valid_facts() {
        for r in all() {
            for i in [&r.bad, &r.good] {
                if let Input::Check { facts } = i {
                    assert!(facts_of(facts).is_some(), "{}: {facts}", r.code.name());
                }
            }
        }
    }

    /// Only the worker's own answers are requests or circumstances, and circumstances are few and named.
    #[test]
    fn circumstances_are_the_ones_no_request_causes() {
        let named: Vec<&str> = all()
            .iter()
            .filter(|r| matches!(r.bad, Input::Circumstance { .. }))
            .map(|r| r.code.name())
            .collect();
        assert_eq!(
            named,
            [
                "auth/not-configured",
                "api/unreadable-body",
                "api/cannot-generate",
                "server/unavailable",
                "policy/invalid-stored"
            ]
        );
    }
}
