//! The JSON contract shared by the shells: diagnostics with their messages in the chosen language, and the
//! answer of a live check. `mtasts … --format json` prints these; the worker's `/api/check` answers with them.

use crate::check::{Facts, Status, Verdict};
use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::i18n::Catalog;
use crate::policy::{mx::Coverage, Policy};
use serde::Serialize;

/// A diagnostic as the JSON contract gives it.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    /// Stable code.
    pub code: &'static str,
    /// error / warning / info.
    pub severity: Severity,
    /// 1-based line of the span start (0 when the input has no lines, e.g. a report field).
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// 1-based line of the span end.
    pub end_line: usize,
    /// 1-based column of the span end.
    pub end_column: usize,
    /// The message in the chosen language.
    pub message: String,
    /// The suggested fix, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The RFC section.
    pub rfc: &'static str,
    /// The JSON field a report diagnostic is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Converts diagnostics for JSON output; `text` is what their spans point into (`None`: no line/column).
pub fn json_diagnostics(
    text: Option<&str>,
    diags: &[Diagnostic],
    cat: &Catalog,
) -> Vec<JsonDiagnostic> {
    let idx = text.map(LineIndex::new);
    diags
        .iter()
        .map(|d| json_diagnostic(d, idx.as_ref(), cat))
        .collect()
}

fn json_diagnostic(d: &Diagnostic, idx: Option<&LineIndex>, cat: &Catalog) -> JsonDiagnostic {
    let (s, e) = match idx {
        Some(i) => (i.line_col(d.span.start), i.line_col(d.span.end)),
        None => (Default::default(), Default::default()),
    };
    JsonDiagnostic {
        code: d.code.name(),
        severity: d.severity(),
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
        message: cat.message(d),
        fix: cat.fix(d),
        rfc: d.code.rfc(),
        field: d.get("field").map(str::to_owned),
    }
}

/// A rule page (`mtasts explain`, the worker's `/rules/<code>`): the rule in the reader's language, the RFC
/// section it comes from with that section's text, and a bad and a good example with what each gives.
#[derive(Debug, Clone, Serialize)]
pub struct RulePage {
    /// Stable code.
    pub code: &'static str,
    /// error / warning / info.
    pub severity: Severity,
    /// The section cited, e.g. `RFC 8461 §3.2`.
    pub rfc: &'static str,
    /// Its heading.
    pub section: Option<&'static str>,
    /// A link to it (`None` for the Workspace guide).
    pub url: Option<String>,
    /// The message, as the bad example gives it (or with `‹placeholders›` where no input causes it).
    pub message: String,
    /// The fix, where the rule has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Why it matters for delivery.
    pub why: Option<String>,
    /// The input that breaks the rule.
    pub bad: RuleExample,
    /// The input that keeps it.
    pub good: RuleExample,
    /// The cited section's text (RFC 8460 and RFC 8461 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<&'static str>,
}

/// One example of a rule page.
#[derive(Debug, Clone, Serialize)]
pub struct RuleExample {
    /// What the example is, for a shell to replay it (requests are replayed by the end-to-end tests).
    pub input: crate::rules::Input,
    /// The example as a reader sees it.
    pub shown: String,
    /// The findings of this page's code it gives, run through the rule (empty for the good example, and for
    /// requests, which only a running worker answers).
    pub findings: Vec<JsonDiagnostic>,
}

impl RuleExample {
    fn new(input: crate::rules::Input, code: crate::diag::Code, cat: &Catalog) -> RuleExample {
        let found: Vec<Diagnostic> = input
            .run()
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.code == code)
            .collect();
        let shown = input.shown();
        // spans point into the text for policies and records; reports, facts and requests have none
        let text = matches!(
            input,
            crate::rules::Input::Policy { .. }
                | crate::rules::Input::StsRecord { .. }
                | crate::rules::Input::TlsrptRecord { .. }
        )
        .then_some(shown.as_str());
        let findings = json_diagnostics(text, &found, cat);
        RuleExample {
            input,
            shown,
            findings,
        }
    }
}

impl RulePage {
    /// The page of `code` in `cat`'s language.
    pub fn new(code: crate::diag::Code, cat: &Catalog) -> RulePage {
        let rule = crate::rules::rule(code);
        let bad = RuleExample::new(rule.bad, code, cat);
        let good = RuleExample::new(rule.good, code, cat);
        let (message, fix) = match bad.findings.first() {
            Some(d) => (d.message.clone(), d.fix.clone()),
            None => {
                let d = Diagnostic::new(code, Default::default());
                (
                    placeholders(&cat.message(&d)),
                    cat.fix(&d).map(|f| placeholders(&f)),
                )
            }
        };
        RulePage {
            code: code.name(),
            severity: code.severity(),
            rfc: code.rfc(),
            section: crate::diag::section_heading(code.rfc()),
            url: crate::diag::section_url(code.rfc()),
            message,
            fix,
            why: cat.why(code),
            bad,
            good,
            excerpt: crate::rules::excerpt(code.rfc()),
        }
    }
}

/// A message rendered without its arguments shows each as `{$name}`; a page shows `‹name›` instead.
fn placeholders(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("{$") {
        out.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => {
                out.push('‹');
                out.push_str(&rest[i + 2..i + j]);
                out.push('›');
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// An HTTP error answer of the worker: `{"error": <diagnostic>, "details": [<diagnostic>…]}` — the refusal in
/// the same shape as every finding (code, severity, message and fix in the asker's language, RFC section), and
/// what it is about where there is more (the findings of a refused policy, with lines into it).
#[derive(Debug, Clone, Serialize)]
pub struct ErrorAnswer {
    /// The refusal.
    pub error: JsonDiagnostic,
    /// Findings behind it, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<JsonDiagnostic>,
}

impl ErrorAnswer {
    /// The answer for refusal `d`, with `details` pointing into `text`.
    pub fn new(d: &Diagnostic, text: Option<&str>, details: &[Diagnostic], cat: &Catalog) -> Self {
        ErrorAnswer {
            error: json_diagnostic(d, None, cat),
            details: json_diagnostics(text, details, cat),
        }
    }
}

/// The answer of a live check (RFC 8461 §3–§5): the verdict, its details, and the facts it was judged from —
/// so a client can judge them again (the web page does, in the reader's language) and show the raw answers.
#[derive(Debug, Clone, Serialize)]
pub struct CheckAnswer<'a> {
    /// The policy domain.
    pub domain: &'a str,
    /// The one-word verdict.
    pub status: Status,
    /// The verdict as a sentence in the chosen language.
    pub summary: String,
    /// What to do next, in the guide's order, in the chosen language.
    pub next: String,
    /// The `_mta-sts` id in DNS.
    pub sts_id: Option<&'a str>,
    /// The policy's content hash, to compare with the id (RFC 8461 §3.1).
    pub policy_hash: Option<&'a str>,
    /// The parsed policy.
    pub policy: Option<&'a Policy>,
    /// Which pattern covers each MX.
    pub coverage: Option<&'a Coverage>,
    /// Whether STARTTLS was tested on each MX.
    pub smtp_tested: bool,
    /// Findings about DNS, HTTP and SMTP, errors first (line 0: they point into no text).
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Findings in the fetched policy, errors first; line/column point into `facts.policy.response.body`.
    pub policy_diagnostics: Vec<JsonDiagnostic>,
    /// What was gathered.
    pub facts: &'a Facts,
}

impl<'a> CheckAnswer<'a> {
    /// Builds the answer for `facts` judged as `v`, messages from `cat`.
    pub fn new(facts: &'a Facts, v: &'a Verdict, cat: &Catalog) -> CheckAnswer<'a> {
        CheckAnswer {
            domain: &facts.domain,
            status: v.status,
            summary: cat.render("check--status", &[("status", v.status.as_str().to_owned())]),
            next: cat.render("check--next", &[("status", v.status.as_str().to_owned())]),
            sts_id: v.sts_id.as_deref(),
            policy_hash: v.policy_hash.as_deref(),
            policy: v.policy.as_ref(),
            coverage: v.coverage.as_ref(),
            smtp_tested: facts.smtp_tested,
            diagnostics: json_diagnostics(None, &v.findings, cat),
            policy_diagnostics: json_diagnostics(v.policy_text.as_deref(), &v.policy_findings, cat),
            facts,
        }
    }
}

/// A count in JSON a JavaScript runtime reads exactly (`#[serde(with = "mtasts_core::output::js_count")]`): a
/// number up to 2^53 − 1 ([`MAX_EXACT_COUNT`](crate::report::rollup::MAX_EXACT_COUNT)), else its decimal string.
/// The worker writes counts this way where they pass through JavaScript (KV metadata, where a number past that
/// made the put fail); the web app reads them back with [`js_count::from_value`], so either form shows exactly.
pub mod js_count {
    use crate::report::rollup::MAX_EXACT_COUNT;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `n` as a number, or as its decimal string past 2^53 − 1.
    pub fn serialize<S: Serializer>(n: &u64, s: S) -> Result<S::Ok, S::Error> {
        if *n <= MAX_EXACT_COUNT {
            s.serialize_u64(*n)
        } else {
            s.serialize_str(&n.to_string())
        }
    }

    /// Either form of a count.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(u64),
        Text(String),
    }

    /// Reads either form; a string that is no count (never written by [`serialize`]) reads as `u64::MAX`, so a
    /// damaged figure shows as absurd rather than as zero.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        Ok(match NumOrText::deserialize(d)? {
            NumOrText::Num(n) => n,
            NumOrText::Text(t) => t.parse().unwrap_or(u64::MAX),
        })
    }

    /// Reads a count from a JSON value in either form; `None` when it is neither a count nor a count's string.
    pub fn from_value(v: &serde_json::Value) -> Option<u64> {
        v.as_u64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
    }
}

#[cfg(test)]
mod tests {
    /// `policy/bad-mode`'s page in five languages: the message comes from the bad example (with its argument),
    /// the why and the fix are translated, the excerpt is the RFC's section, and the good example gives nothing.
    #[test]
    fn rule_page_in_every_language() {
        use crate::diag::Code;
        use crate::i18n::Lang;
        let mut whys = std::collections::BTreeSet::new();
        for lang in Lang::ALL {
            let p = RulePage::new(Code::PolicyBadMode, &Catalog::get(*lang));
            assert!(
                p.message.contains("strict"),
                "{}: {}",
                lang.tag(),
                p.message
            );
            assert!(p
                .fix
                .as_deref()
                .is_some_and(|f| f.contains("mode: testing")));
            assert_eq!(p.bad.findings.len(), 1);
            assert_eq!((p.bad.findings[0].line, p.bad.findings[0].column), (2, 7));
            assert!(p.good.findings.is_empty());
            assert!(p
                .excerpt
                .is_some_and(|e| e.starts_with("3.2.  MTA-STS Policies")));
            assert_eq!(p.section, Some("MTA-STS Policies"));
            whys.insert(p.why.unwrap_or_default());
        }
        assert_eq!(whys.len(), 5, "five distinct translations");
        let p = RulePage::new(Code::ApiNotFound, &Catalog::english());
        assert!(p.message.contains("‹path›"), "{}", p.message);
        assert!(p.bad.findings.is_empty() && p.excerpt.is_none());
    }

    use super::*;
    use crate::check::{judge, Dns, Fetch};
    use crate::i18n::Lang;

    /// Facts of a domain with both records, MX `mx1.example.com` tested, and this policy body fetched.
    fn fetched(body: &[u8]) -> Facts {
        Facts {
            domain: "example.com".into(),
            sts_txt: Dns::Records(vec!["v=STSv1; id=1".into()]),
            tlsrpt_txt: Dns::Records(vec!["v=TLSRPTv1; rua=mailto:a@example.com".into()]),
            apex_txt: None,
            old_tlsrpt_txt: None,
            mx: Dns::Records(vec!["mx1.example.com".into()]),
            policy: Some(Fetch::Response {
                status: 200,
                content_type: Some("text/plain".into()),
                location: None,
                body: body.to_vec(),
            }),
            smtp_tested: true,
            mx_tls: vec![],
            dnssec: None,
            previous: None,
        }
    }

    #[test]
    fn check_answer_places_policy_findings_in_the_policy_and_the_rest_nowhere() {
        let facts = Facts {
            tlsrpt_txt: Dns::NoSuchName,
            mx: Dns::Records(vec!["mx9.example.org".into()]),
            smtp_tested: false,
            ..fetched(b"version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 86400\n")
        };
        let v = judge(&facts);
        let a = CheckAnswer::new(&facts, &v, &Catalog::get(Lang::En));
        let find = |code: &str| {
            a.diagnostics
                .iter()
                .chain(&a.policy_diagnostics)
                .find(|d| d.code == code)
                .expect(code)
        };
        assert_eq!(
            find("check/no-tlsrpt-record").line,
            0,
            "a DNS finding has no line"
        );
        assert_eq!(
            find("mx/pattern-unused").line,
            3,
            "a policy finding points into the policy"
        );
        assert!(a.diagnostics.iter().all(|d| d.line == 0));
        assert!(a.policy_diagnostics.iter().all(|d| d.line > 0));
        assert_eq!(a.status, Status::Broken);
        assert!(a.next.starts_with("Next:"), "{}", a.next);
        let json = serde_json::to_value(&a).expect("json");
        assert_eq!(json["facts"]["mx"]["records"][0], "mx9.example.org");
        assert_eq!(json["smtp_tested"], false);
    }

    #[test]
    fn a_fetched_policy_without_a_version_line_is_a_policy_finding_on_line_1() {
        let facts = fetched(b"mode: enforce\r\nmx: mx1.example.com\nmax_age: 86400\r\n");
        let v = judge(&facts);
        let a = CheckAnswer::new(&facts, &v, &Catalog::get(Lang::En));
        for code in ["policy/missing-version", "policy/mixed-line-endings"] {
            let d = a
                .policy_diagnostics
                .iter()
                .find(|d| d.code == code)
                .expect(code);
            assert!(d.line >= 1, "{code} has a line in the policy");
            assert!(a.diagnostics.iter().all(|x| x.code != code), "{code}");
        }
    }

    #[test]
    fn an_error_answer_is_a_diagnostic_in_the_language_asked() {
        let d =
            Diagnostic::new(crate::Code::CheckRateLimited, Default::default()).arg("seconds", 60);
        for lang in Lang::ALL {
            let e = ErrorAnswer::new(&d, None, &[], &Catalog::get(*lang));
            let json = serde_json::to_value(&e).expect("json");
            assert_eq!(json["error"]["code"], "check/rate-limited");
            assert_eq!(json["error"]["severity"], "error");
            assert_eq!(json["error"]["rfc"], "RFC 6585 §4");
            assert!(
                json["error"]["fix"]
                    .as_str()
                    .is_some_and(|f| f.contains("60")),
                "{lang:?}"
            );
            assert!(json.get("details").is_none());
        }
    }

    /// Counts up to 2^53 − 1 are JSON numbers, larger ones strings; both read back exactly, and so does a
    /// plain `serde_json::Value` of either form.
    #[test]
    fn js_count_round_trips() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct C {
            #[serde(with = "super::js_count")]
            n: u64,
        }
        let max = crate::report::rollup::MAX_EXACT_COUNT;
        for (n, json) in [
            (0, r#"{"n":0}"#),
            (max, r#"{"n":9007199254740991}"#),
            (max + 1, r#"{"n":"9007199254740992"}"#),
            (u64::MAX, r#"{"n":"18446744073709551615"}"#),
        ] {
            assert_eq!(serde_json::to_string(&C { n }).unwrap(), json);
            assert_eq!(serde_json::from_str::<C>(json).unwrap(), C { n });
            let v: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(super::js_count::from_value(&v["n"]), Some(n), "{json}");
        }
        for bad in [
            r#"{"n":"x"}"#,
            r#"{"n":-1}"#,
            r#"{"n":null}"#,
            r#"{"n":1.5}"#,
        ] {
            let v: serde_json::Value = serde_json::from_str(bad).unwrap();
            assert_eq!(super::js_count::from_value(&v["n"]), None, "{bad}");
        }
        assert_eq!(
            serde_json::from_str::<C>(r#"{"n":"x"}"#).unwrap().n,
            u64::MAX
        );
    }
}
