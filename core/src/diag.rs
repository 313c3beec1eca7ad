//! Diagnostics: what every parser and linter in this crate returns instead of panicking or failing early.
//!
//! A [`Diagnostic`] is a stable [`Code`] (kebab-case, grouped by input: `policy/…`, `sts-record/…`,
//! `tlsrpt-record/…`, `report/…`, `mx/…`, `generate/…`), a byte [`Span`] into the input, and named arguments.
//! The severity and the RFC section belong to the code; the human text is rendered from the code and its
//! arguments by [`crate::i18n`], so the same diagnostic can be shown in every language the product speaks.

use serde::Serialize;
use std::fmt;

/// How bad a finding is. `Error` means a conforming sender would reject the input (or mail would stop);
/// `Warning` means it works but deviates from the RFC's advice or the Workspace guide; `Info` explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is invalid: a sender following the RFC would not accept it.
    Error,
    /// Valid, but risky or against the RFC's SHOULDs or the guide's advice.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// Lower-case name as used in JSON output and `data-severity` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open byte range `start..end` in the text a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte (equal to `start` for a point, e.g. "missing at end").
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// An empty span at `at`.
    pub const fn point(at: usize) -> Self {
        Span { start: at, end: at }
    }
}

macro_rules! codes {
    ($( #[doc = $doc:literal] $variant:ident = $name:literal, $sev:ident, $rfc:literal; )*) => {
        /// Every finding this product can report — the rules of core and the refusals of the worker's HTTP
        /// answers alike. The name is stable (it is part of the JSON contract and of the message catalogs); each
        /// variant's doc says what it means, and [`Code::summary`] gives that line at run time (rule pages).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( #[doc = $doc] $variant, )* }

        impl Code {
            /// All codes, in declaration order (for docs, catalogs and their completeness test).
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// Stable kebab-case name, e.g. `policy/mx-wildcard-not-leftmost`.
            pub const fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }
            /// The severity every occurrence of this code has.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
            /// The one section the rule comes from, e.g. `RFC 8461 §3.2` (or `Workspace guide`); its heading is
            /// in [`SECTIONS`].
            pub const fn rfc(self) -> &'static str {
                match self { $(Code::$variant => $rfc,)* }
            }
            /// The rule in one English line (the variant's doc), for `mtasts explain` and the rule index.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $doc.trim_ascii(),)* }
            }
        }
    };
}

/// Every section a code cites, with its heading as the RFC writes it. A test reads RFC 8460 and RFC 8461 and
/// requires each of their entries to be a real section with exactly this heading, so a wrong citation cannot
/// come back; the other RFCs are cited for one definition each.
pub const SECTIONS: &[(&str, &str)] = &[
    ("RFC 8460 §3", "Reporting Policy"),
    ("RFC 8460 §4.1", "Report Time Frame"),
    ("RFC 8460 §4.2.2", "Failure Count"),
    ("RFC 8460 §4.3", "Result Types"),
    ("RFC 8460 §4.4", "JSON Report Schema"),
    ("RFC 8460 §5.2", "Compression"),
    ("RFC 8460 §5.3", "Email Transport"),
    ("RFC 8460 §5.4", "HTTPS Transport"),
    ("RFC 8460 §7", "Security Considerations"),
    ("RFC 8461 §3.1", "MTA-STS TXT Records"),
    ("RFC 8461 §3.2", "MTA-STS Policies"),
    ("RFC 8461 §3.3", "HTTPS Policy Fetching"),
    ("RFC 8461 §4.1", "MX Host Validation"),
    ("RFC 8461 §4.2", "Recipient MTA Certificate Validation"),
    ("RFC 8461 §5", "Policy Application"),
    ("RFC 8461 §8.3", "Removing MTA-STS"),
    ("RFC 8461 §10.2", "Preventing Policy Discovery"),
    ("RFC 8461 §10.3", "Denial of Service"),
    ("RFC 1035 §5.1", "Format"),
    ("RFC 8484 §4.2", "The HTTP Response"),
    ("RFC 5321 §4.1.2", "Command Argument Syntax"),
    ("RFC 7208 §3.3", "Multiple Strings in a Single DNS Record"),
    ("RFC 6750 §3", "The WWW-Authenticate Response Header Field"),
    ("RFC 9110 §15.5.1", "400 Bad Request"),
    ("RFC 9110 §15.5.5", "404 Not Found"),
    ("RFC 9110 §15.5.6", "405 Method Not Allowed"),
    ("RFC 9110 §15.6.4", "503 Service Unavailable"),
    ("RFC 6585 §4", "429 Too Many Requests"),
    (
        "Workspace guide",
        "Google Workspace: set up MTA-STS and TLS reporting",
    ),
];

/// The heading of a cited section, from [`SECTIONS`].
pub fn section_heading(section: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .find(|(s, _)| *s == section)
        .map(|(_, h)| *h)
}

/// A link to the cited section, for rule pages and diagnostics (`None` for the guide).
pub fn section_url(section: &str) -> Option<String> {
    let rest = section.strip_prefix("RFC ")?;
    let (num, sec) = rest.split_once(" §")?;
    Some(format!(
        "https://www.rfc-editor.org/rfc/rfc{num}#section-{sec}"
    ))
}

codes! {
    // ---- TXT input in general
    /// Nothing to check: the input is empty or only white space.
    InputEmpty = "input/empty", Error, "RFC 8461 §3.1";
    /// A quoted string in zone-file or `dig` output is not closed.
    InputUnclosedQuote = "input/unclosed-quote", Error, "RFC 1035 §5.1";
    /// Typographic quotes (`“ ”`, `„`, `« »`) where a zone file or `dig` has straight `"`: pasted from a document.
    InputCurlyQuotes = "input/curly-quotes", Error, "RFC 1035 §5.1";

    // ---- _mta-sts TXT record (RFC 8461 §3.1)
    /// The record does not start with `v=STSv1`.
    StsVersionNotFirst = "sts-record/version-not-first", Error, "RFC 8461 §3.1";
    /// The version is not exactly `STSv1`.
    StsBadVersion = "sts-record/bad-version", Error, "RFC 8461 §3.1";
    /// No `id` field.
    StsMissingId = "sts-record/missing-id", Error, "RFC 8461 §3.1";
    /// `id` is empty.
    StsIdEmpty = "sts-record/id-empty", Error, "RFC 8461 §3.1";
    /// `id` longer than 32 characters.
    StsIdTooLong = "sts-record/id-too-long", Error, "RFC 8461 §3.1";
    /// `id` contains something other than letters and digits.
    StsIdInvalidChar = "sts-record/id-invalid-char", Error, "RFC 8461 §3.1";
    /// Another kind of record (SPF, DMARC, TLS-RPT, …) pasted where an `_mta-sts` record was expected.
    StsWrongRecordType = "sts-record/wrong-record-type", Error, "RFC 8461 §3.1";
    /// Several records start with `v=STSv1`: senders then ignore MTA-STS.
    StsMultipleRecords = "sts-record/multiple-records", Error, "RFC 8461 §3.1";
    /// A record at the name that does not start with `v=STSv1` is discarded by senders.
    StsDiscardedRecord = "sts-record/discarded-record", Info, "RFC 8461 §3.1";
    /// The owner name in the pasted zone/dig output is not `_mta-sts.<domain>`.
    StsWrongName = "sts-record/wrong-name", Error, "RFC 8461 §3.1";

    // ---- _smtp._tls TXT record (RFC 8460 §3)
    /// The record does not start with `v=TLSRPTv1`.
    TlsrptVersionNotFirst = "tlsrpt-record/version-not-first", Error, "RFC 8460 §3";
    /// The version is not exactly `TLSRPTv1`.
    TlsrptBadVersion = "tlsrpt-record/bad-version", Error, "RFC 8460 §3";
    /// No `rua` field.
    TlsrptMissingRua = "tlsrpt-record/missing-rua", Error, "RFC 8460 §3";
    /// An empty URI in `rua` (e.g. a trailing comma).
    TlsrptEmptyUri = "tlsrpt-record/empty-uri", Error, "RFC 8460 §3";
    /// A URI scheme other than `mailto:` or `https:`.
    TlsrptBadScheme = "tlsrpt-record/bad-scheme", Error, "RFC 8460 §3";
    /// `http:` instead of `https:`.
    TlsrptHttpNotHttps = "tlsrpt-record/http-not-https", Error, "RFC 8460 §3";
    /// A `mailto:` URI whose address is not a valid addr-spec.
    TlsrptBadMailto = "tlsrpt-record/bad-mailto", Error, "RFC 8460 §3";
    /// An `https:` URI that is not a valid URL.
    TlsrptBadHttps = "tlsrpt-record/bad-https", Error, "RFC 8460 §3";
    /// `!` inside a URI must be percent-encoded (`%21`).
    TlsrptUnencodedChar = "tlsrpt-record/unencoded-char", Error, "RFC 8460 §3";
    /// Another kind of record pasted where a `_smtp._tls` record was expected.
    TlsrptWrongRecordType = "tlsrpt-record/wrong-record-type", Error, "RFC 8460 §3";
    /// Several records start with `v=TLSRPTv1`: senders then send no reports.
    TlsrptMultipleRecords = "tlsrpt-record/multiple-records", Error, "RFC 8460 §3";
    /// A record at the name that does not start with `v=TLSRPTv1` is discarded by senders.
    TlsrptDiscardedRecord = "tlsrpt-record/discarded-record", Info, "RFC 8460 §3";
    /// The record is published at the draft-era name `_smtp-tlsrpt`.
    TlsrptOldName = "tlsrpt-record/old-name", Error, "RFC 8460 §3";
    /// The owner name in the pasted zone/dig output is not `_smtp._tls.<domain>`.
    TlsrptWrongName = "tlsrpt-record/wrong-name", Error, "RFC 8460 §3";

    // ---- the tag=value grammar both records share (RFC 8461 §3.1, RFC 8460 §3)
    /// A field that is not `name=value`.
    RecordMalformedField = "record/malformed-field", Error, "RFC 8461 §3.1";
    /// An empty field between two `;`.
    RecordEmptyField = "record/empty-field", Error, "RFC 8461 §3.1";
    /// White space around `=`, or between fields without `;`.
    RecordBadWhitespace = "record/bad-whitespace", Error, "RFC 8461 §3.1";
    /// Leading or trailing white space around the whole record.
    RecordSurroundingWhitespace = "record/surrounding-whitespace", Warning, "RFC 8461 §3.1";
    /// An extension field name that breaks the ABNF (letter/digit first, then up to 31 of `A-Z a-z 0-9 _ - .`).
    RecordBadExtensionName = "record/bad-extension-name", Error, "RFC 8461 §3.1";
    /// An extension value with a space, `=`, `;` or control character, or empty.
    RecordBadExtensionValue = "record/bad-extension-value", Error, "RFC 8461 §3.1";
    /// A field this version of the standard does not define: senders ignore it.
    RecordUnknownField = "record/unknown-field", Info, "RFC 8461 §3.1";
    /// A field given twice: senders use the first one.
    RecordDuplicateField = "record/duplicate-field", Warning, "RFC 8461 §3.1";
    /// A record longer than 255 bytes must be split into several quoted strings in the zone.
    RecordLongString = "record/long-string", Info, "RFC 7208 §3.3";

    // ---- policy file (RFC 8461 §3.2)
    /// The policy is empty.
    PolicyEmpty = "policy/empty", Error, "RFC 8461 §3.2";
    /// The policy is larger than 64 KB: senders may stop reading.
    PolicyTooLarge = "policy/too-large", Error, "RFC 8461 §3.3";
    /// The file is not UTF-8.
    PolicyNotUtf8 = "policy/not-utf8", Error, "RFC 8461 §3.2";
    /// The file starts with a byte order mark, which becomes part of the first field name.
    PolicyBom = "policy/bom", Error, "RFC 8461 §3.2";
    /// A control character (NUL, TAB inside a value is allowed only as WSP, …).
    PolicyControlChar = "policy/control-char", Error, "RFC 8461 §3.2";
    /// A carriage return that is not part of CRLF.
    PolicyBareCr = "policy/bare-cr", Error, "RFC 8461 §3.2";
    /// Both LF and CRLF line endings are used.
    PolicyMixedLineEndings = "policy/mixed-line-endings", Warning, "RFC 8461 §3.2";
    /// An empty line, which the ABNF does not allow between fields.
    PolicyBlankLine = "policy/blank-line", Warning, "RFC 8461 §3.2";
    /// White space before a field name.
    PolicyLeadingWhitespace = "policy/leading-whitespace", Warning, "RFC 8461 §3.2";
    /// A line without `key: value`.
    PolicyMalformedLine = "policy/malformed-line", Error, "RFC 8461 §3.2";
    /// A field name that breaks the ABNF.
    PolicyBadFieldName = "policy/bad-field-name", Error, "RFC 8461 §3.2";
    /// A field value with a leading space, control character or nothing at all.
    PolicyBadFieldValue = "policy/bad-field-value", Error, "RFC 8461 §3.2";
    /// A field given in another case (`Mode:`): keys are case-sensitive.
    PolicyFieldCase = "policy/field-case", Error, "RFC 8461 §3.2";
    /// A field this version does not define: senders ignore it.
    PolicyUnknownField = "policy/unknown-field", Info, "RFC 8461 §3.2";
    /// A non-repeatable field given twice: senders use the first one.
    PolicyDuplicateField = "policy/duplicate-field", Warning, "RFC 8461 §3.2";
    /// No `version` field.
    PolicyMissingVersion = "policy/missing-version", Error, "RFC 8461 §3.2";
    /// `version` is not `STSv1`.
    PolicyBadVersion = "policy/bad-version", Error, "RFC 8461 §3.2";
    /// `version` is not on the first line (the Workspace guide asks for it there).
    PolicyVersionNotFirst = "policy/version-not-first", Warning, "Workspace guide";
    /// No `mode` field.
    PolicyMissingMode = "policy/missing-mode", Error, "RFC 8461 §3.2";
    /// `mode` is not `testing`, `enforce` or `none` (case-sensitive).
    PolicyBadMode = "policy/bad-mode", Error, "RFC 8461 §3.2";
    /// `mode: none` tells senders to forget the policy: it is how MTA-STS is removed.
    PolicyModeNone = "policy/mode-none", Info, "RFC 8461 §8.3";
    /// No `max_age` field.
    PolicyMissingMaxAge = "policy/missing-max-age", Error, "RFC 8461 §3.2";
    /// `max_age` is not a number of seconds.
    PolicyBadMaxAge = "policy/bad-max-age", Error, "RFC 8461 §3.2";
    /// `max_age` has more than 10 digits.
    PolicyMaxAgeTooManyDigits = "policy/max-age-too-many-digits", Error, "RFC 8461 §3.2";
    /// `max_age` above 31557600 (one year).
    PolicyMaxAgeTooLarge = "policy/max-age-too-large", Error, "RFC 8461 §3.2";
    /// `max_age` below one day: the policy expires before senders refresh it.
    PolicyMaxAgeShort = "policy/max-age-short", Warning, "RFC 8461 §3.2";
    /// Testing mode with a `max_age` outside one to two weeks (the guide's advice).
    PolicyTestingMaxAge = "policy/testing-max-age", Info, "Workspace guide";
    /// No `mx` field although mode is not `none`.
    PolicyMissingMx = "policy/missing-mx", Error, "RFC 8461 §3.2";
    /// `mx:` with nothing after it.
    PolicyMxEmpty = "policy/mx-empty", Error, "RFC 8461 §3.2";
    /// `*` anywhere but as the whole left-most label.
    PolicyMxWildcardNotLeftmost = "policy/mx-wildcard-not-leftmost", Error, "RFC 8461 §4.1";
    /// A wildcard directly under a top-level domain (`*.com`) or a bare `*`.
    PolicyMxWildcardTooBroad = "policy/mx-wildcard-too-broad", Error, "RFC 8461 §4.1";
    /// A Unicode (U-label) host name: the policy must use the A-label (`xn--…`).
    PolicyMxULabel = "policy/mx-u-label", Error, "RFC 8461 §3.2";
    /// An IP address instead of a host name.
    PolicyMxIpLiteral = "policy/mx-ip-literal", Error, "RFC 8461 §3.2";
    /// A trailing dot (`mail.example.com.`).
    PolicyMxTrailingDot = "policy/mx-trailing-dot", Error, "RFC 8461 §3.2";
    /// Not a valid host name (RFC 5321 `Domain`).
    PolicyMxInvalid = "policy/mx-invalid", Error, "RFC 8461 §3.2";
    /// The same `mx` pattern twice.
    PolicyMxDuplicate = "policy/mx-duplicate", Warning, "RFC 8461 §3.2";
    /// A host with a single label (`localhost`): no public MX looks like that.
    PolicyMxSingleLabel = "policy/mx-single-label", Warning, "RFC 8461 §3.2";

    // ---- MX coverage (RFC 8461 §4.1)
    /// In enforce mode, an MX no pattern matches: senders will refuse to deliver to it.
    MxNotCoveredEnforce = "mx/not-covered-enforce", Error, "RFC 8461 §4.1";
    /// In testing mode, an MX no pattern matches: reports will show failures for it.
    MxNotCovered = "mx/not-covered", Warning, "RFC 8461 §4.1";
    /// A pattern that matches none of the MX hosts given.
    MxPatternUnused = "mx/pattern-unused", Info, "RFC 8461 §4.1";
    /// A given MX host name is not a valid host name.
    MxInvalidHost = "mx/invalid-host", Error, "RFC 5321 §4.1.2";

    // ---- live domain check (facts gathered by a shell, judged by `check`)
    /// No `_mta-sts` TXT record: the domain does not use MTA-STS.
    CheckNoStsRecord = "check/no-sts-record", Info, "RFC 8461 §3.1";
    /// No `_smtp._tls` TXT record: nobody will send TLS reports.
    CheckNoTlsrptRecord = "check/no-tlsrpt-record", Warning, "RFC 8460 §3";
    /// A `v=STSv1` record at the domain itself instead of `_mta-sts.<domain>`.
    CheckStsAtApex = "check/sts-at-apex", Error, "RFC 8461 §3.1";
    /// A DNS query failed (not "no such name": a server failure or timeout).
    CheckDnsError = "check/dns-error", Error, "RFC 8461 §3.1";
    /// The domain has no MX records.
    CheckNoMx = "check/no-mx", Warning, "RFC 8461 §4.1";
    /// The policy URL answered with a status other than 200.
    CheckPolicyHttpStatus = "check/policy-http-status", Error, "RFC 8461 §3.3";
    /// The policy URL answered with a redirect, which senders must not follow.
    CheckPolicyRedirect = "check/policy-redirect", Error, "RFC 8461 §3.3";
    /// The policy is not served as `text/plain`.
    CheckPolicyContentType = "check/policy-content-type", Error, "RFC 8461 §3.2";
    /// The policy host did not answer within the timeout.
    CheckPolicyTimeout = "check/policy-timeout", Error, "RFC 8461 §3.3";
    /// The TLS handshake with the policy host failed (certificate not valid for `mta-sts.<domain>`, expired, …).
    CheckPolicyTls = "check/policy-tls", Error, "RFC 8461 §3.3";
    /// The policy host could not be reached (no address, connection refused).
    CheckPolicyUnreachable = "check/policy-unreachable", Error, "RFC 8461 §3.3";
    /// The policy changed but the `_mta-sts` id did not: senders keep the old policy.
    CheckIdNotChanged = "check/id-not-changed", Warning, "RFC 8461 §3.1";
    /// An MX does not offer STARTTLS.
    CheckMxNoStarttls = "check/mx-no-starttls", Error, "RFC 8461 §4.2";
    /// An MX's certificate is not valid for its name.
    CheckMxCertMismatch = "check/mx-cert-mismatch", Error, "RFC 8461 §4.2";
    /// The TLS session with an MX failed (expired or untrusted certificate, handshake error).
    CheckMxTlsError = "check/mx-tls-error", Error, "RFC 8461 §4.2";
    /// The checker's own resolver gave no usable answer: the check could not be completed (no verdict).
    CheckResolverFailed = "check/resolver-failed", Warning, "RFC 8484 §4.2";
    /// STARTTLS on the MX hosts was not tested (a worker cannot open port 25): the CLI can.
    CheckSmtpNotTested = "check/smtp-not-tested", Info, "RFC 8461 §4.2";
    /// The resolver validated the answers with DNSSEC (AD bit).
    CheckDnssecValidated = "check/dnssec-validated", Info, "RFC 8461 §10.2";
    /// The answers were not DNSSEC-validated: MTA-STS does not need it, the record is trusted on first use.
    CheckDnssecNotValidated = "check/dnssec-not-validated", Info, "RFC 8461 §10.2";

    // ---- generator inputs
    /// The domain is not a valid host name.
    GenerateBadDomain = "generate/bad-domain", Error, "RFC 5321 §4.1.2";
    /// No MX host given for a policy that needs one.
    GenerateNoMx = "generate/no-mx", Error, "RFC 8461 §3.2";
    /// No report address given: without one, nobody tells you what fails.
    GenerateNoRua = "generate/no-rua", Warning, "RFC 8460 §3";
    /// `max_age` outside 0–31557600.
    GenerateBadMaxAge = "generate/bad-max-age", Error, "RFC 8461 §3.2";

    // ---- reports (RFC 8460 §4)
    /// The input could not be read as JSON.
    ReportBadJson = "report/bad-json", Error, "RFC 8460 §4.4";
    /// Valid JSON but not a TLS report (no `policies`, not an object, …).
    ReportNotReport = "report/not-report", Error, "RFC 8460 §4.4";
    /// A field required by the RFC is missing.
    ReportMissingField = "report/missing-field", Warning, "RFC 8460 §4.4";
    /// The file is larger than the cap.
    ReportTooLarge = "report/too-large", Error, "RFC 8460 §7";
    /// The gzip data inflates past the cap (a gzip bomb or a huge report).
    ReportInflatedTooLarge = "report/inflated-too-large", Error, "RFC 8460 §5.2";
    /// The gzip data is corrupt.
    ReportBadGzip = "report/bad-gzip", Error, "RFC 8460 §5.2";
    /// An e-mail with no TLS report attached.
    ReportEmailWithoutReport = "report/email-without-report", Error, "RFC 8460 §5.3";
    /// Not JSON, gzip or an e-mail.
    ReportUnknownFormat = "report/unknown-format", Error, "RFC 8460 §5.3";
    /// A date-time that is not RFC 3339.
    ReportBadDatetime = "report/bad-datetime", Warning, "RFC 8460 §4.4";
    /// A date-time without a time zone (Microsoft sends these); read as UTC.
    ReportDatetimeNoTimezone = "report/datetime-no-timezone", Info, "RFC 8460 §4.4";
    /// `mx-host` as one string instead of an array (the RFC's own example; erratum 6241).
    ReportMxHostString = "report/mx-host-string", Info, "RFC 8460 §4.4";
    /// `mx-host` values prefixed with `mx: `.
    ReportMxHostPrefixed = "report/mx-host-prefixed", Info, "RFC 8460 §4.4";
    /// An IP address field that is empty or not an IP address.
    ReportBadIp = "report/bad-ip", Warning, "RFC 8460 §4.4";
    /// A result type outside the RFC 8460 registry.
    ReportUnknownResultType = "report/unknown-result-type", Info, "RFC 8460 §4.3";
    /// A policy type outside the RFC 8460 registry.
    ReportUnknownPolicyType = "report/unknown-policy-type", Info, "RFC 8460 §4.4";
    /// A `policy-string` entry that holds a JSON array as one string (Microsoft's TLSA entries).
    ReportPolicyStringJson = "report/policy-string-json", Info, "RFC 8460 §4.4";
    /// `contact-info` is null.
    ReportContactNull = "report/contact-null", Info, "RFC 8460 §4.4";
    /// Failure-detail counts do not add up to the failure total (allowed: details may be sampled).
    ReportFailureCountMismatch = "report/failure-count-mismatch", Info, "RFC 8460 §4.2.2";
    /// A negative or non-integer session count.
    ReportBadCount = "report/bad-count", Warning, "RFC 8460 §4.4";
    /// An e-mail with more report parts than one message may carry (each part costs storage work).
    ReportTooManyParts = "report/too-many-parts", Error, "RFC 8460 §7";
    /// An e-mail with more forwarded messages inside it than are read (a parser's stack would be at risk).
    ReportTooDeeplyNested = "report/too-deeply-nested", Error, "RFC 8460 §7";

    // ---- DKIM of mailed reports (RFC 8460 §3)
    /// A mailed report without any DKIM signature: it must be ignored.
    DkimMissing = "dkim/missing", Error, "RFC 8460 §3";
    /// A mailed report whose DKIM signature does not verify (changed body, wrong or missing key).
    DkimInvalid = "dkim/invalid", Error, "RFC 8460 §3";
    /// A mailed report validly signed, but not by the reporting domain (`From:`).
    DkimWrongDomain = "dkim/wrong-domain", Error, "RFC 8460 §3";
    /// A mailed report signed with `l=` (a body length limit), which RFC 8460 forbids.
    DkimBodyLength = "dkim/body-length", Error, "RFC 8460 §3";

    // ---- the watch: alerts a deployment raises about its domains (digests and alerts on a cron, or the CLI)
    /// More of a day's sessions failed than the threshold allows, with enough sessions to mean something.
    WatchFailureRate = "watch/failure-rate", Error, "RFC 8460 §4.2.2";
    /// A failure result type the domain never had before (the first `certificate-expired`).
    WatchNewResultType = "watch/new-result-type", Warning, "RFC 8460 §4.3";
    /// No report for days where reports had been arriving: the reporting path is broken.
    WatchReportsStopped = "watch/reports-stopped", Warning, "RFC 8460 §3";
    /// The policy senders get no longer lints (a rule got stricter, or the file was edited by hand).
    WatchPolicyInvalid = "watch/policy-invalid", Error, "RFC 8461 §3.2";
    /// An MX that mail goes to (named in failures, or in DNS) that the policy does not cover.
    WatchMxNotCovered = "watch/mx-not-covered", Error, "RFC 8461 §4.1";
    /// A policy `mx:` pattern that matches none of the domain's MX hosts any more.
    WatchMxGone = "watch/mx-gone", Warning, "RFC 8461 §4.1";
    /// `mode: enforce` while the last days show failed sessions: each one is a message not delivered.
    WatchEnforceWithFailures = "watch/enforce-with-failures", Error, "RFC 8461 §5";
    /// The `_smtp._tls` record no longer sends reports to this deployment.
    WatchRuaElsewhere = "watch/rua-elsewhere", Warning, "RFC 8460 §3";

    // ---- the worker's HTTP answers (refusals with a status; the same JSON shape as every diagnostic)
    /// The admin API is switched off: no `ADMIN_TOKEN` secret is set.
    AuthNotConfigured = "auth/not-configured", Error, "RFC 6750 §3";
    /// The `Authorization: Bearer` token is missing or wrong.
    AuthInvalidToken = "auth/invalid-token", Error, "RFC 6750 §3";
    /// No such API route or stored object.
    ApiNotFound = "api/not-found", Error, "RFC 9110 §15.5.5";
    /// A `domain` parameter or path segment that is not a domain name.
    ApiBadDomain = "api/bad-domain", Error, "RFC 5321 §4.1.2";
    /// A `from`/`to` filter that is not a date `YYYY-MM-DD`.
    ApiBadDate = "api/bad-date", Error, "RFC 8460 §4.1";
    /// A stored-report key that this store could never have written.
    ApiBadKey = "api/bad-key", Error, "RFC 9110 §15.5.1";
    /// A paging `cursor` that no listing of this store returned.
    ApiBadCursor = "api/bad-cursor", Error, "RFC 9110 §15.5.1";
    /// A request body that could not be read.
    ApiUnreadableBody = "api/unreadable-body", Error, "RFC 9110 §15.5.1";
    /// A policy with errors: it was not stored.
    ApiInvalidPolicy = "api/invalid-policy", Error, "RFC 8461 §3.2";
    /// Watch settings that cannot be kept (a field out of range, a webhook that is not `https://`).
    ApiBadWatchSettings = "api/bad-watch-settings", Error, "RFC 9110 §15.5.1";
    /// The records for the stored policy could not be generated.
    ApiCannotGenerate = "api/cannot-generate", Error, "RFC 8461 §3.1";
    /// A report upload with a media type that is not a TLS report's.
    IngestUnsupportedType = "ingest/unsupported-type", Error, "RFC 8460 §5.4";
    /// A report upload without a body.
    IngestEmptyBody = "ingest/empty-body", Error, "RFC 8460 §5.4";
    /// A report about policy domains this deployment does not serve.
    IngestDomainNotServed = "ingest/domain-not-served", Error, "RFC 8460 §7";
    /// A report whose session count no store can keep exactly (past 2^53 − 1): refused, not stored wrong.
    IngestCountTooLarge = "ingest/count-too-large", Error, "RFC 8460 §4.4";
    /// No such route.
    HttpNotFound = "http/not-found", Error, "RFC 9110 §15.5.5";
    /// A method the route does not take (the `Allow` header lists those it does).
    HttpMethodNotAllowed = "http/method-not-allowed", Error, "RFC 9110 §15.5.6";
    /// Our own storage failed; retry later (the only 503 the worker gives for a request it understood).
    ServerUnavailable = "server/unavailable", Error, "RFC 9110 §15.6.4";
    /// A policy request for a host that is not `mta-sts.<domain>`.
    PolicyUnknownHost = "policy/unknown-host", Error, "RFC 8461 §3.3";
    /// A policy request for a domain this deployment does not serve.
    PolicyUnknownDomain = "policy/unknown-domain", Error, "RFC 8461 §3.3";
    /// The stored policy does not lint, so it is not served (fail closed).
    PolicyInvalidStored = "policy/invalid-stored", Error, "RFC 8461 §3.2";
    /// The live check was asked without a domain.
    CheckMissingDomain = "check/missing-domain", Error, "RFC 8461 §3.1";
    /// The live check was given something that is not a mail domain (a URL, an IP address, a port).
    CheckBadDomain = "check/bad-domain", Error, "RFC 5321 §4.1.2";
    /// Too many live checks from one client address.
    CheckRateLimited = "check/rate-limited", Error, "RFC 6585 §4";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One finding: a code, where it is, and the values its message needs (e.g. `value`, `max`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// What was found.
    pub code: Code,
    /// Where, as bytes of the input.
    pub span: Span,
    /// Named values for the message, in the order the catalog uses them.
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    /// A diagnostic without arguments.
    pub fn new(code: Code, span: Span) -> Self {
        Diagnostic {
            code,
            span,
            args: Vec::new(),
        }
    }
    /// Adds a named argument for the message.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
    /// The severity of this diagnostic's code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
    /// The value of a named argument, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity() == Severity::Error)
}

/// The code names of diagnostics, in order (for tests and logs).
pub fn code_names(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.name()).collect()
}

/// The first `max` characters of a value for a message, with `…` when cut.
pub fn snippet(value: &str, max: usize) -> String {
    let s: String = value.chars().take(max).collect();
    if s.len() < value.len() {
        format!("{s}…")
    } else {
        s
    }
}

/// Sorts diagnostics by position, then severity, so output reads top to bottom.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| (d.span.start, d.severity(), d.code));
}

/// A line/column position, both 1-based; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Maps byte offsets of a text to lines and columns (LF, CRLF and bare CR all end a line for display).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }
    /// Line and column of byte `offset` (clamped to the text, and to a character boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        LineCol {
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }
    /// The text of 1-based `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.name()), "duplicate {}", c.name());
            let (group, rest) = c.name().split_once('/').expect("group/name");
            for part in [group, rest] {
                assert!(!part.is_empty());
                assert!(part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }

    /// Section number → heading, read from an RFC's text (`3.1.  MTA-STS TXT Records` lines).
    fn rfc_headings(rfc: &str) -> std::collections::HashMap<String, String> {
        let dir = std::env::var("MTASTS_RFC").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/rfc").to_owned()
        });
        let path = format!("{dir}/rfc{rfc}.txt");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter_map(|l| {
                let (num, title) = l.split_once(".  ")?;
                let ok = !num.is_empty()
                    && num
                        .split('.')
                        .all(|p| p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty());
                ok.then(|| (num.to_owned(), title.trim().to_owned()))
            })
            .collect()
    }

    #[test]
    fn every_citation_is_a_real_section_with_the_heading_named() {
        let rfcs = [
            ("8460", rfc_headings("8460")),
            ("8461", rfc_headings("8461")),
        ];
        for (section, heading) in SECTIONS {
            let Some((num, sec)) = section
                .strip_prefix("RFC ")
                .and_then(|r| r.split_once(" §"))
            else {
                continue;
            };
            if let Some((_, map)) = rfcs.iter().find(|(n, _)| *n == num) {
                assert_eq!(
                    map.get(sec).map(String::as_str),
                    Some(*heading),
                    "{section}"
                );
            }
        }
        for c in Code::ALL {
            assert!(
                section_heading(c.rfc()).is_some(),
                "{} cites `{}`, which is not in SECTIONS (one section per code, no ranges)",
                c.name(),
                c.rfc()
            );
            assert!(!c.summary().is_empty(), "{} has no doc line", c.name());
        }
    }

    #[test]
    fn schema_rules_cite_the_json_report_schema() {
        for name in [
            "report/missing-field",
            "report/bad-datetime",
            "report/datetime-no-timezone",
            "report/mx-host-string",
            "report/mx-host-prefixed",
            "report/bad-ip",
            "report/unknown-policy-type",
            "report/policy-string-json",
            "report/contact-null",
            "report/bad-count",
        ] {
            let c = Code::ALL.iter().find(|c| c.name() == name).expect(name);
            assert_eq!(c.rfc(), "RFC 8460 §4.4", "{name}");
        }
        assert_eq!(
            section_url("RFC 8460 §4.4").as_deref(),
            Some("https://www.rfc-editor.org/rfc/rfc8460#section-4.4")
        );
    }

    #[test]
    fn line_col_table() {
        let text = "ab\ncd\r\néf\rg";
        let idx = LineIndex::new(text);
        for (offset, line, column) in [
            (0, 1, 1),
            (1, 1, 2),
            (3, 2, 1),
            (5, 2, 3),
            (7, 3, 1),
            (9, 3, 2),
            (11, 4, 1),
            (99, 4, 2),
        ] {
            assert_eq!(
                idx.line_col(offset),
                LineCol { line, column },
                "offset {offset}"
            );
        }
        assert_eq!(idx.line_text(2), "cd");
        assert_eq!(idx.line_text(3), "éf");
        assert_eq!(idx.line_text(9), "");
    }
}
