//! The generator: from a domain, its MX hosts, a mode, a `max_age` and report addresses, everything to publish —
//! the policy file, the `_mta-sts` and `_smtp._tls` records (as host-panel fields and zone-file lines) — and the
//! rollout in the order the Workspace guide gives: reports first, testing for about two weeks, then enforce;
//! publish the policy before changing the id (RFC 8461 §8.1); removal through `mode: none` (§8.3).

use crate::diag::{Code, Diagnostic, Span};
use crate::policy::{self, Mode, MxPattern, Policy};
use crate::record::sts::StsRecord;
use crate::record::tlsrpt::{self, Rua, TlsRptRecord};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// How the `_mta-sts` id is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdSource {
    /// The UTC time `YYYYMMDDHHMMSS` of this Unix time (the guide's suggestion).
    Time(i64),
    /// Derived from the policy content, so it changes exactly when the policy does.
    PolicyHash,
    /// This id, as given (checked: 1–32 letters and digits, RFC 8461 §3.1).
    Given(String),
}

/// What the user asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The mail domain, e.g. `example.com` (Unicode names are converted to A-labels).
    pub domain: String,
    /// MX host names or patterns (`*.example.net`).
    pub mx: Vec<String>,
    /// Policy mode.
    pub mode: Mode,
    /// Policy `max_age`, seconds.
    pub max_age: u64,
    /// Report destinations; a bare e-mail address becomes `mailto:`.
    pub rua: Vec<String>,
    /// How to choose the id.
    pub id: IdSource,
}

/// One step of the rollout, rendered by the catalogs (`step--<name>` ids) with its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Catalog id, e.g. `step--publish-tlsrpt`.
    pub id: &'static str,
    /// Named values for the text.
    pub args: Vec<(&'static str, String)>,
}

/// Everything to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generated {
    /// The normalized domain.
    pub domain: String,
    /// The policy.
    pub policy: Policy,
    /// The policy file (`mta-sts.txt`), CRLF line ends as in RFC 8461 §3.2.
    pub policy_text: String,
    /// Where the policy must be served.
    pub policy_url: String,
    /// `_mta-sts.<domain>`.
    pub sts_name: String,
    /// The `_mta-sts` TXT value.
    pub sts_record: String,
    /// The id in it.
    pub id: String,
    /// `_smtp._tls.<domain>`.
    pub tlsrpt_name: String,
    /// The `_smtp._tls` TXT value (absent when no report address was given).
    pub tlsrpt_record: Option<String>,
    /// Zone-file lines for both records.
    pub zone: Vec<String>,
    /// The rollout, in order.
    pub steps: Vec<Step>,
    /// What is allowed but unwise in the request (no report address: `generate/no-rua`).
    pub warnings: Vec<Diagnostic>,
}

/// Normalizes a domain or host name: trims, drops a trailing dot, lower-cases, converts U-labels to A-labels.
pub fn normalize_host(input: &str) -> Result<String, policy::mx::DomainError> {
    let t = input.trim().trim_end_matches('.');
    let ascii = if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        policy::mx::to_a_labels(t).ok_or(policy::mx::DomainError {
            reason: policy::mx::DomainReason::BadChar,
            detail: t.to_owned(),
        })?
    };
    let bare = ascii.strip_prefix("*.").unwrap_or(&ascii);
    policy::mx::check_domain(bare)?;
    Ok(ascii)
}

/// Normalizes a mail domain like [`normalize_host`], and requires a domain: two labels or more, no wildcard,
/// not an IPv4 address (a top-level label is never all digits, RFC 3696 §2). URLs, ports and IPv6 literals are
/// already refused by their characters.
pub fn normalize_domain(input: &str) -> Result<String, policy::mx::DomainError> {
    let d = normalize_host(input)?;
    let fail = |reason| {
        Err(policy::mx::DomainError {
            reason,
            detail: String::new(),
        })
    };
    let tld = d.rsplit('.').next().unwrap_or("");
    if !d.contains('.') || d.starts_with("*.") {
        fail(policy::mx::DomainReason::NotADomain)
    } else if tld.bytes().all(|b| b.is_ascii_digit()) {
        fail(policy::mx::DomainReason::IpAddress)
    } else {
        Ok(d)
    }
}

/// The domain in what a user pasted into a "domain" field: a URL (`https://solarmora.com/path`), an e-mail
/// address (`postmaster@solarmora.com`), a host with a port, or the name itself, trimmed. Only what surrounds the
/// name is dropped; the name is not checked here ([`normalize_domain`] does). The API's `domain=` stays strict.
pub fn domain_from_input(input: &str) -> String {
    let mut s = input.trim();
    if let Some((scheme, rest)) = s.split_once("://") {
        if !scheme.is_empty()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        {
            s = rest;
        }
    }
    s = s.strip_prefix("mailto:").unwrap_or(s);
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    s = &s[..end];
    if let Some((_, host)) = s.rsplit_once('@') {
        s = host;
    }
    if let Some((host, port)) = s.rsplit_once(':') {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            s = host;
        }
    }
    s.trim().to_owned()
}

/// The mail domain a "domain" field means: [`domain_from_input`] then [`normalize_domain`] — what the generator,
/// the check page and the generator page read from what was typed.
pub fn domain_from_field(input: &str) -> Result<String, policy::mx::DomainError> {
    normalize_domain(&domain_from_input(input))
}

/// `YYYYMMDDHHMMSS` (UTC) of a Unix time: the id format the guide suggests.
pub fn id_from_time(unix: i64) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// An id derived from the policy's meaning (its canonical text), so it changes exactly when the policy does:
/// 32 hex digits of SHA-256 (RFC 8461 §3.1 allows 32 letters and digits).
pub fn id_from_policy(p: &Policy) -> String {
    let digest = Sha256::digest(p.to_text("\n").as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Where to send a domain's reports when the user has not said (RFC 8460 §3 `rua`), one rule for every shell.
/// With a deployment that receives reports (this product's worker): its e-mail address first, because Microsoft
/// mails only to the first address of `rua` and Google mails too, then its HTTPS endpoint for the senders that
/// upload. Without one (the generator on its own): a mailbox at the domain, `tls-reports@<domain>`, as the
/// Workspace guide asks the admin to create.
pub fn default_rua(domain: &str, mailto: Option<&str>, https: Option<&str>) -> Vec<String> {
    let mut rua = Vec::new();
    if let Some(m) = mailto.map(str::trim).filter(|m| !m.is_empty()) {
        rua.push(format!("mailto:{}", m.trim_start_matches("mailto:")));
    }
    if let Some(h) = https.map(str::trim).filter(|h| !h.is_empty()) {
        rua.push(h.to_owned());
    }
    if rua.is_empty() {
        rua.push(format!(
            "mailto:tls-reports@{}",
            domain.trim().trim_end_matches('.')
        ));
    }
    rua
}

/// Checks the request and builds everything; diagnostics explain what is wrong with the request.
pub fn generate(req: &Request) -> Result<Generated, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let domain = match domain_from_field(&req.domain) {
        Ok(d) => d,
        Err(e) => {
            diags.push(e.on(
                Diagnostic::new(Code::GenerateBadDomain, Span::default()).arg("value", &req.domain),
            ));
            String::new()
        }
    };
    let mut mx: Vec<MxPattern> = Vec::new();
    for m in req.mx.iter().filter(|m| !m.trim().is_empty()) {
        // a `*` out of place is the pattern rule's to explain (RFC 8461 §4.1), not a bad character
        let host = match normalize_host(m) {
            Err(_) if m.contains('*') && m.is_ascii() => Ok(m.trim().to_ascii_lowercase()),
            r => r,
        };
        match host {
            Ok(h) => {
                if !mx.iter().any(|p| p.pattern() == h) {
                    let mut d = Vec::new();
                    if let Some(p) = MxPattern::parse(&h, Span::default(), &mut d) {
                        mx.push(p);
                    }
                    diags.extend(
                        d.into_iter()
                            .filter(|d| d.severity() == crate::Severity::Error),
                    );
                }
            }
            Err(e) => diags.push(
                e.on(Diagnostic::new(Code::MxInvalidHost, Span::default()).arg("host", m.trim())),
            ),
        }
    }
    if mx.is_empty() && req.mode != Mode::None {
        diags.push(Diagnostic::new(Code::GenerateNoMx, Span::default()));
    }
    if req.max_age > policy::MAX_MAX_AGE {
        diags.push(
            Diagnostic::new(Code::GenerateBadMaxAge, Span::default()).arg("value", req.max_age),
        );
    }
    let mut rua = Vec::new();
    for r in req.rua.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let uri = if !r.contains(':') && r.contains('@') {
            format!("mailto:{r}")
        } else {
            r.to_owned()
        };
        let mut d = Vec::new();
        if let Some(u) = tlsrpt::check_uri(&uri, Span::default(), &mut d) {
            rua.push(u);
        }
        diags.extend(d);
    }
    if let IdSource::Given(id) = &req.id {
        // RFC 8461 §3.1: the id is 1 to 32 letters and digits (the record linter's own check)
        crate::record::sts::check_id_value(id, Span::new(0, id.len()), &mut diags);
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut warnings = Vec::new();
    if rua.is_empty() {
        // RFC 8460 §3: without a `_smtp._tls` record nobody reports what fails; the guide publishes it first
        warnings.push(Diagnostic::new(Code::GenerateNoRua, Span::default()).arg("domain", &domain));
    }
    let policy = Policy {
        mode: req.mode,
        max_age: req.max_age,
        mx,
        extensions: Vec::new(),
    };
    let id = match &req.id {
        IdSource::Time(t) => id_from_time(*t),
        IdSource::PolicyHash => id_from_policy(&policy),
        IdSource::Given(id) => id.clone(),
    };
    let policy_text = policy.to_text("\r\n");
    let sts_record = StsRecord {
        id: id.clone(),
        extensions: Vec::new(),
    }
    .to_txt();
    let tlsrpt_record = (!rua.is_empty()).then(|| {
        TlsRptRecord {
            rua: rua.clone(),
            extensions: Vec::new(),
        }
        .to_txt()
    });
    let sts_name = format!("_mta-sts.{domain}");
    let tlsrpt_name = format!("_smtp._tls.{domain}");
    let mut zone = Vec::new();
    if let Some(t) = &tlsrpt_record {
        zone.push(format!("{tlsrpt_name}. 3600 IN TXT \"{t}\""));
    }
    zone.push(format!("{sts_name}. 3600 IN TXT \"{sts_record}\""));
    let policy_url = format!("https://mta-sts.{domain}/.well-known/mta-sts.txt");
    let steps = steps(
        &domain,
        &rua,
        tlsrpt_record.as_deref(),
        &sts_record,
        &policy_url,
        req.mode,
    );
    Ok(Generated {
        domain,
        policy,
        policy_text,
        policy_url,
        sts_name,
        sts_record,
        id,
        tlsrpt_name,
        tlsrpt_record,
        zone,
        steps,
        warnings,
    })
}

fn steps(
    domain: &str,
    rua: &[Rua],
    tlsrpt: Option<&str>,
    sts: &str,
    url: &str,
    mode: Mode,
) -> Vec<Step> {
    let step = |id, args: &[(&'static str, &str)]| Step {
        id,
        args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
    };
    let rua_list: Vec<&str> = rua.iter().map(Rua::as_str).collect();
    let mut out = vec![step(
        "step--reports",
        &[("rua", &rua_list.join(", ")), ("domain", domain)],
    )];
    if let Some(t) = tlsrpt {
        out.push(step(
            "step--publish-tlsrpt",
            &[("name", &format!("_smtp._tls.{domain}")), ("record", t)],
        ));
    }
    out.push(step(
        "step--host-policy",
        &[("url", url), ("host", &format!("mta-sts.{domain}"))],
    ));
    out.push(step(
        "step--publish-sts",
        &[("name", &format!("_mta-sts.{domain}")), ("record", sts)],
    ));
    match mode {
        Mode::Testing => {
            out.push(step("step--testing", &[("domain", domain)]));
            out.push(step("step--enforce", &[("domain", domain)]));
        }
        Mode::Enforce => out.push(step("step--monitor", &[("domain", domain)])),
        Mode::None => {}
    }
    out.push(step("step--removal", &[("domain", domain)]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn req() -> Request {
        Request {
            domain: "Example.COM.".into(),
            mx: vec![
                "mx1.example.com".into(),
                "*.mail.example.net".into(),
                "mx1.example.com".into(),
            ],
            mode: Mode::Testing,
            max_age: 604_800,
            rua: vec![
                "tls-reports@example.com".into(),
                "https://r.example.com/v1/tlsrpt".into(),
            ],
            id: IdSource::Time(1_700_000_000),
        }
    }

    #[test]
    fn generates_everything() {
        let g = generate(&req()).expect("valid request");
        assert_eq!(g.domain, "example.com");
        assert_eq!(g.id, "20231114221320");
        assert_eq!(g.policy_text, "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: *.mail.example.net\r\nmax_age: 604800\r\n");
        assert_eq!(g.sts_record, "v=STSv1; id=20231114221320");
        assert_eq!(
            g.tlsrpt_record.as_deref(),
            Some("v=TLSRPTv1; rua=mailto:tls-reports@example.com,https://r.example.com/v1/tlsrpt")
        );
        assert_eq!(g.zone[0], "_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1; rua=mailto:tls-reports@example.com,https://r.example.com/v1/tlsrpt\"");
        assert_eq!(g.steps.first().map(|s| s.id), Some("step--reports"));
        assert_eq!(g.steps[1].id, "step--publish-tlsrpt");
    }

    #[test]
    fn bad_requests_table() {
        let rows: Vec<(&str, Request, &str)> = vec![
            (
                "bad domain",
                Request {
                    domain: "exa mple.com".into(),
                    ..req()
                },
                "generate/bad-domain",
            ),
            (
                "no mx",
                Request {
                    mx: vec![],
                    ..req()
                },
                "generate/no-mx",
            ),
            (
                "bad mx",
                Request {
                    mx: vec!["mx_1.example.com".into()],
                    ..req()
                },
                "mx/invalid-host",
            ),
            (
                "max_age",
                Request {
                    max_age: 40_000_000,
                    ..req()
                },
                "generate/bad-max-age",
            ),
            (
                "rua",
                Request {
                    rua: vec!["http://x.example".into()],
                    ..req()
                },
                "tlsrpt-record/http-not-https",
            ),
            (
                "rua with a quote (fuzz)",
                Request {
                    rua: vec!["https://r.example.com/\"x\"".into()],
                    ..req()
                },
                "tlsrpt-record/bad-https",
            ),
            (
                "rua with ; (fuzz)",
                Request {
                    rua: vec!["https:;//r.example.com/x".into()],
                    ..req()
                },
                "tlsrpt-record/unencoded-char",
            ),
        ];
        for (name, r, code) in rows {
            let e = generate(&r).expect_err(name);
            assert_eq!(e[0].code.name(), code, "{name}");
        }
    }

    /// What users paste into a domain field is cleaned to the name; the name itself is still checked after.
    #[test]
    fn domain_from_input_table() {
        for (input, want) in [
            ("https://solarmora.com/", "solarmora.com"),
            ("  http://Solarmora.com:8443/x?y#z ", "Solarmora.com"),
            ("mailto:postmaster@solarmora.com", "solarmora.com"),
            ("admin@mail.solarmora.com", "mail.solarmora.com"),
            ("solarmora.com:25", "solarmora.com"),
            ("solarmora.com", "solarmora.com"),
            ("[2001:db8::1]", "[2001:db8::1]"),
            ("://", ":"),
            ("", ""),
        ] {
            assert_eq!(domain_from_input(input), want, "{input}");
        }
        let g = generate(&Request {
            domain: "https://Solarmora.com/".into(),
            ..req()
        })
        .expect("cleaned");
        assert_eq!(g.domain, "solarmora.com");
    }

    /// `*.*.google.com` is explained as the pattern rule (a leading `*.` is fine, the second is not), with the
    /// pattern to write instead.
    #[test]
    fn misplaced_wildcards_say_what_is_wrong() {
        for (mx, suggestion) in [
            ("*.*.google.com", "*.google.com"),
            ("mail.*.example.com", "*.example.com"),
            ("mx*.example.com", "*.example.com"),
        ] {
            let e = generate(&Request {
                mx: vec![mx.into()],
                ..req()
            })
            .expect_err(mx);
            assert_eq!(e[0].code.name(), "policy/mx-wildcard-not-leftmost", "{mx}");
            assert_eq!(e[0].get("suggestion"), Some(suggestion), "{mx}");
        }
    }

    #[test]
    fn normalize_domain_table() {
        let rows: &[(&str, Result<&str, &str>)] = &[
            (" Example.COM. ", Ok("example.com")),
            ("münchen.de", Ok("xn--mnchen-3ya.de")),
            ("localhost", Err("not-a-domain")),
            ("*.example.com", Err("not-a-domain")),
            ("exa_mple.com", Err("bad-char")),
            ("192.0.2.1", Err("ip-address")),
            ("[2001:db8::1]", Err("bad-char")),
            ("example.com:25", Err("bad-char")),
            ("https://example.com/", Err("bad-char")),
            ("user@example.com", Err("bad-char")),
            ("example.com/.well-known", Err("bad-char")),
            ("1example.com", Ok("1example.com")),
        ];
        for (input, want) in rows {
            let got = normalize_domain(input);
            assert_eq!(
                got.as_deref().map_err(|e| e.reason.token()),
                *want,
                "{input}"
            );
        }
    }

    #[test]
    fn hash_id_changes_with_the_policy_only() {
        let a = generate(&Request {
            id: IdSource::PolicyHash,
            ..req()
        })
        .expect("ok");
        let b = generate(&Request {
            id: IdSource::PolicyHash,
            rua: vec![],
            ..req()
        })
        .expect("ok");
        let c = generate(&Request {
            id: IdSource::PolicyHash,
            max_age: 1_209_600,
            ..req()
        })
        .expect("ok");
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, c.id);
        assert!(crate::record::sts::is_valid_id(&a.id));
    }

    fn label() -> impl Strategy<Value = String> {
        "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?"
    }

    /// A top-level label: never all digits (RFC 3696 §2).
    fn tld() -> impl Strategy<Value = String> {
        "[a-z]([a-z0-9-]{0,10}[a-z0-9])?"
    }

    proptest! {
        #[test]
        fn generated_output_lints_clean_and_parses_back(
            dom in (label(), tld()).prop_map(|(a, b)| format!("{a}.{b}")),
            hosts in proptest::collection::vec((any::<bool>(), label(), label(), label()), 1..5),
            mode in prop_oneof![Just(Mode::Testing), Just(Mode::Enforce), Just(Mode::None)],
            max_age in 86_400u64..=31_557_600,
            t in 0i64..4_000_000_000,
            hash in any::<bool>(),
        ) {
            let mx: Vec<String> = hosts.iter().map(|(w, a, b, c)| if *w { format!("*.{b}.{c}") } else { format!("{a}.{b}.{c}") }).collect();
            let max_age = if mode == Mode::Testing { 604_800 + max_age % 604_801 } else { max_age };
            let r = Request { domain: dom.clone(), mx: mx.clone(), mode, max_age, rua: vec![format!("tlsrpt@{dom}")], id: if hash { IdSource::PolicyHash } else { IdSource::Time(t) } };
            let g = generate(&r).expect("valid request");
            let lint = policy::lint(&g.policy_text);
            let noisy: Vec<_> = lint.diagnostics.iter().filter(|d| d.code != Code::PolicyModeNone).collect();
            prop_assert!(noisy.is_empty(), "{:?}", noisy);
            prop_assert_eq!(lint.policy.as_ref(), Some(&g.policy));
            prop_assert_eq!(lint.policy.map(|p| p.max_age), Some(max_age));
            let sts = crate::record::sts::lint(&g.sts_record);
            prop_assert!(sts.diagnostics.is_empty(), "{:?}", sts.diagnostics);
            prop_assert_eq!(sts.record.map(|s| s.id), Some(g.id.clone()));
            let tls = crate::record::tlsrpt::lint(g.tlsrpt_record.as_deref().unwrap_or(""));
            prop_assert!(tls.diagnostics.is_empty(), "{:?}", tls.diagnostics);
            for z in &g.zone {
                prop_assert!(z.contains(" IN TXT \""));
            }
        }
    }
}

#[cfg(test)]
mod given_id_tests {
    use super::*;

    #[test]
    fn a_given_id_is_used_or_refused_by_rfc_8461_section_3_1() {
        let req = |id: &str| Request {
            domain: "example.com".into(),
            mx: vec!["mx1.example.com".into()],
            mode: Mode::Testing,
            max_age: 604800,
            rua: vec![],
            id: IdSource::Given(id.into()),
        };
        let ok = generate(&req("20260101x1")).expect("valid id");
        assert_eq!(ok.id, "20260101x1");
        assert_eq!(crate::diag::code_names(&ok.warnings), ["generate/no-rua"]);
        for (id, code) in [
            ("", "sts-record/id-empty"),
            (&"a".repeat(33) as &str, "sts-record/id-too-long"),
            ("2026-01-01", "sts-record/id-invalid-char"),
        ] {
            let e = generate(&req(id)).expect_err(id);
            assert_eq!(crate::diag::code_names(&e), [code], "{id}");
        }
    }

    #[test]
    fn default_rua_puts_mail_first() {
        assert_eq!(
            default_rua(
                "example.com",
                Some("tlsrpt@reports.example.net"),
                Some("https://mta-sts.example.com/v1/tlsrpt")
            ),
            [
                "mailto:tlsrpt@reports.example.net",
                "https://mta-sts.example.com/v1/tlsrpt"
            ]
        );
        assert_eq!(
            default_rua(
                "example.com",
                None,
                Some("https://mta-sts.example.com/v1/tlsrpt")
            ),
            ["https://mta-sts.example.com/v1/tlsrpt"]
        );
        assert_eq!(
            default_rua("example.com.", None, None),
            ["mailto:tls-reports@example.com"]
        );
        assert_eq!(
            default_rua("example.com", Some("mailto:a@b.example"), None),
            ["mailto:a@b.example"]
        );
    }
}
