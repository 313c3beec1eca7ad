//! The policy file `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.2): parser and linter.
//!
//! Written from the ABNF: lines end in LF or CRLF; each line is `key ":" *WSP value *WSP`; `version`, `mode` and
//! `max_age` are required once (later duplicates are ignored), `mx` at least once unless mode is `none`; other
//! keys are extensions and ignored. On top of the RFC, the Workspace guide's stricter advice becomes warnings and
//! infos: version on the first line, `max_age` of at least a day, one to two weeks while testing.

pub mod mx;

use crate::diag::{self, Code, Diagnostic, Span};
pub use mx::MxPattern;
use serde::Serialize;

/// Largest policy a sender is expected to read (RFC 8461 §3.3 suggests 64 kilobytes).
pub const MAX_POLICY_BYTES: usize = 64 * 1024;
/// Largest `max_age` (RFC 8461 §3.2): one year of 365.25 days.
pub const MAX_MAX_AGE: u64 = 31_557_600;
/// One day: below this, the Workspace guide's range starts and a lost refresh leaves the domain unprotected.
pub const MIN_ADVISED_MAX_AGE: u64 = 86_400;
/// The guide's testing window: one to two weeks.
pub const TESTING_MAX_AGE: std::ops::RangeInclusive<u64> = 604_800..=1_209_600;

/// What senders do when a MX fails validation (RFC 8461 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Deliver anyway, but report failures (TLS-RPT).
    Testing,
    /// Do not deliver to an MX that fails validation.
    Enforce,
    /// Forget any cached policy: how MTA-STS is removed (RFC 8461 §8.3).
    None,
}

impl Mode {
    /// The exact token used in the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Testing => "testing",
            Mode::Enforce => "enforce",
            Mode::None => "none",
        }
    }
    /// Parses the exact (case-sensitive) token.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "testing" => Some(Mode::Testing),
            "enforce" => Some(Mode::Enforce),
            "none" => Some(Mode::None),
            _ => None,
        }
    }
}

/// A parsed, valid policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// The mode.
    pub mode: Mode,
    /// Seconds senders may cache the policy.
    pub max_age: u64,
    /// Allowed MX patterns, in order.
    pub mx: Vec<MxPattern>,
    /// Extension fields, in order (senders ignore them).
    pub extensions: Vec<(String, String)>,
}

impl Policy {
    /// The policy file text, `version` first, lines ended by `eol` (`"\r\n"` as in the RFC, or `"\n"`).
    pub fn to_text(&self, eol: &str) -> String {
        let mut s = format!("version: STSv1{eol}mode: {}{eol}", self.mode.as_str());
        for m in &self.mx {
            s.push_str(&format!("mx: {}{eol}", m.pattern()));
        }
        s.push_str(&format!("max_age: {}{eol}", self.max_age));
        for (k, v) in &self.extensions {
            s.push_str(&format!("{k}: {v}{eol}"));
        }
        s
    }
}

/// The outcome of linting a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyLint {
    /// The policy a sender would apply; `None` when there is an error.
    pub policy: Option<Policy>,
    /// Findings, sorted by position (spans are bytes of the input).
    pub diagnostics: Vec<Diagnostic>,
    /// The mode as written, even when other fields have errors (so MX coverage can still be shown).
    pub mode: Option<Mode>,
    /// The `mx` patterns that are valid, even when other fields have errors.
    pub mx: Vec<MxPattern>,
}

impl PolicyLint {
    /// True when there is no error.
    pub fn is_valid(&self) -> bool {
        !diag::has_errors(&self.diagnostics)
    }
}

/// Lints policy text.
pub fn lint(text: &str) -> PolicyLint {
    lint_bytes(text.as_bytes())
}

/// Lints a policy file as bytes (it may not be UTF-8, may carry a BOM or NUL bytes).
pub fn lint_bytes(bytes: &[u8]) -> PolicyLint {
    let mut diags = Vec::new();
    if bytes.len() > MAX_POLICY_BYTES {
        diags.push(
            Diagnostic::new(
                Code::PolicyTooLarge,
                Span::new(MAX_POLICY_BYTES, bytes.len()),
            )
            .arg("len", bytes.len())
            .arg("max", MAX_POLICY_BYTES),
        );
    }
    let text: std::borrow::Cow<'_, str> = match std::str::from_utf8(bytes) {
        Ok(t) => t.into(),
        Err(e) => {
            let at = e.valid_up_to();
            diags.push(
                Diagnostic::new(Code::PolicyNotUtf8, Span::new(at, at + 1)).arg("offset", at),
            );
            // Keep offsets stable: replace each invalid byte with one ASCII byte.
            bytes
                .iter()
                .map(|&b| if b < 0x80 { b as char } else { '?' })
                .collect::<String>()
                .into()
        }
    };
    let mut start = 0;
    if text.starts_with('\u{feff}') {
        diags.push(Diagnostic::new(Code::PolicyBom, Span::new(0, 3)));
        start = 3;
    }
    let mut parser = Parser {
        text: &text,
        diags,
        fields: Fields::default(),
    };
    parser.run(start);
    let Parser {
        mut diags, fields, ..
    } = parser;
    let (policy, mode, mx) = judge(fields, &text, &mut diags);
    diag::sort(&mut diags);
    let policy = if diag::has_errors(&diags) {
        None
    } else {
        policy
    };
    PolicyLint {
        policy,
        diagnostics: diags,
        mode,
        mx,
    }
}

/// Fields as found, first occurrence of each (value, value span, line number).
#[derive(Default)]
struct Fields {
    version: Option<(String, Span, usize)>,
    mode: Option<(String, Span, usize)>,
    max_age: Option<(String, Span, usize)>,
    mx: Vec<(String, Span)>,
    extensions: Vec<(String, String)>,
    first_field_line: Option<usize>,
    last_line_end: usize,
}

struct Parser<'a> {
    text: &'a str,
    diags: Vec<Diagnostic>,
    fields: Fields,
}

impl Parser<'_> {
    fn run(&mut self, start: usize) {
        let text = self.text;
        let (mut lf, mut crlf) = (0, 0);
        let mut pos = start;
        let mut line_no = 0;
        if text[start..].trim().is_empty() {
            self.diags
                .push(Diagnostic::new(Code::PolicyEmpty, Span::new(0, text.len())));
            return;
        }
        while pos < text.len() {
            line_no += 1;
            let nl = text[pos..].find('\n').map(|i| pos + i);
            let end = nl.unwrap_or(text.len());
            let mut content_end = end;
            if nl.is_some() {
                if end > pos && text.as_bytes()[end - 1] == b'\r' {
                    content_end -= 1;
                    crlf += 1;
                } else {
                    lf += 1;
                }
            }
            self.line(pos, content_end, line_no);
            self.fields.last_line_end = content_end;
            pos = end + 1;
        }
        if lf > 0 && crlf > 0 {
            self.diags.push(Diagnostic::new(
                Code::PolicyMixedLineEndings,
                Span::point(start),
            ));
        }
    }

    fn line(&mut self, start: usize, end: usize, line_no: usize) {
        let line = &self.text[start..end];
        for (i, c) in line.char_indices() {
            let at = start + i;
            if c == '\r' {
                self.diags
                    .push(Diagnostic::new(Code::PolicyBareCr, Span::new(at, at + 1)));
            } else if c.is_control() && c != '\t' {
                self.diags.push(
                    Diagnostic::new(Code::PolicyControlChar, Span::new(at, at + c.len_utf8()))
                        .arg("value", format!("U+{:04X}", c as u32)),
                );
            }
        }
        if line.trim().is_empty() {
            // An empty last line is just the final line ending; anything else is a blank line.
            if start != self.text.len() {
                self.diags.push(Diagnostic::new(
                    Code::PolicyBlankLine,
                    Span::new(start, end),
                ));
            }
            return;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if indent > 0 {
            self.diags.push(Diagnostic::new(
                Code::PolicyLeadingWhitespace,
                Span::new(start, start + indent),
            ));
        }
        let body = &line[indent..];
        let body_start = start + indent;
        let Some(colon) = body.find(':') else {
            self.diags.push(
                Diagnostic::new(Code::PolicyMalformedLine, Span::new(body_start, end))
                    .arg("value", diag::snippet(body, 40)),
            );
            return;
        };
        let name = &body[..colon];
        let name_span = Span::new(body_start, body_start + colon);
        let after = &body[colon + 1..];
        let value = after.trim_matches([' ', '\t']);
        let value_start =
            body_start + colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
        let value_span = Span::new(value_start, value_start + value.len());
        if !crate::record::tags::is_ext_name(name) {
            self.diags
                .push(Diagnostic::new(Code::PolicyBadFieldName, name_span).arg("value", name));
            return;
        }
        self.fields.first_field_line.get_or_insert(line_no);
        let canonical = ["version", "mode", "max_age", "mx"]
            .into_iter()
            .find(|k| k.eq_ignore_ascii_case(name));
        if let Some(k) = canonical.filter(|k| *k != name) {
            self.diags.push(
                Diagnostic::new(Code::PolicyFieldCase, name_span)
                    .arg("value", name)
                    .arg("expected", k),
            );
        }
        let entry = (value.to_owned(), value_span, line_no);
        let f = &mut self.fields;
        let slot = match canonical {
            Some("version") => &mut f.version,
            Some("mode") => &mut f.mode,
            Some("max_age") => &mut f.max_age,
            Some(_) => {
                f.mx.push((value.to_owned(), value_span));
                return;
            }
            None => {
                if f.extensions.iter().any(|(k, _)| k == name) {
                    self.diags.push(
                        Diagnostic::new(Code::PolicyDuplicateField, Span::new(body_start, end))
                            .arg("name", name),
                    );
                    return;
                }
                if !is_ext_value(value) {
                    self.diags.push(
                        Diagnostic::new(Code::PolicyBadFieldValue, value_span).arg("name", name),
                    );
                } else {
                    self.diags.push(
                        Diagnostic::new(Code::PolicyUnknownField, name_span).arg("name", name),
                    );
                }
                f.extensions.push((name.to_owned(), value.to_owned()));
                return;
            }
        };
        if slot.is_some() {
            self.diags.push(
                Diagnostic::new(Code::PolicyDuplicateField, Span::new(body_start, end))
                    .arg("name", name),
            );
        } else {
            *slot = Some(entry);
        }
    }
}

/// `sts-policy-ext-value`: visible characters (UTF-8 allowed) and inner spaces, no tabs or CTLs.
fn is_ext_value(v: &str) -> bool {
    !v.is_empty()
        && v.chars()
            .all(|c| c == ' ' || (!c.is_control() && !c.is_whitespace()))
}

/// Applies the field rules to what the parser found: the policy (if complete), the mode and the valid patterns.
fn judge(
    f: Fields,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Policy>, Option<Mode>, Vec<MxPattern>) {
    if text.trim().is_empty() || text.trim_start_matches('\u{feff}').trim().is_empty() {
        return (None, None, Vec::new());
    }
    let end = Span::point(f.last_line_end);
    match &f.version {
        None => diags.push(Diagnostic::new(Code::PolicyMissingVersion, Span::point(0))),
        Some((v, span, _)) if v != "STSv1" => {
            diags.push(Diagnostic::new(Code::PolicyBadVersion, *span).arg("value", v))
        }
        Some((_, span, line)) if Some(*line) != f.first_field_line || *line != 1 => {
            diags.push(Diagnostic::new(Code::PolicyVersionNotFirst, *span))
        }
        Some(_) => {}
    }
    let mode = match &f.mode {
        None => {
            diags.push(Diagnostic::new(Code::PolicyMissingMode, end));
            None
        }
        Some((v, span, _)) => {
            let m = Mode::parse(v);
            if m.is_none() {
                let lower = v.to_ascii_lowercase();
                let suggestion = Mode::parse(&lower).map_or("testing", Mode::as_str);
                diags.push(
                    Diagnostic::new(Code::PolicyBadMode, *span)
                        .arg("value", v)
                        .arg("suggestion", suggestion),
                );
            }
            if m == Some(Mode::None) {
                diags.push(Diagnostic::new(Code::PolicyModeNone, *span));
            }
            m
        }
    };
    let max_age = match &f.max_age {
        None => {
            diags.push(Diagnostic::new(Code::PolicyMissingMaxAge, end));
            None
        }
        Some((v, span, _)) => check_max_age(v, *span, mode, diags),
    };
    let mut patterns: Vec<MxPattern> = Vec::new();
    for (value, span) in &f.mx {
        if let Some(p) = MxPattern::parse(value, *span, diags) {
            if patterns
                .iter()
                .any(|q| q.pattern().eq_ignore_ascii_case(p.pattern()))
            {
                diags.push(Diagnostic::new(Code::PolicyMxDuplicate, *span).arg("value", value));
            } else {
                patterns.push(p);
            }
        }
    }
    if f.mx.is_empty() {
        if let Some(m) = mode.filter(|m| *m != Mode::None) {
            diags.push(Diagnostic::new(Code::PolicyMissingMx, end).arg("mode", m.as_str()));
        }
    }
    let policy = match (mode, max_age) {
        (Some(mode), Some(max_age)) => Some(Policy {
            mode,
            max_age,
            mx: patterns.clone(),
            extensions: f.extensions,
        }),
        _ => None,
    };
    (policy, mode, patterns)
}

fn check_max_age(
    v: &str,
    span: Span,
    mode: Option<Mode>,
    diags: &mut Vec<Diagnostic>,
) -> Option<u64> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        diags.push(Diagnostic::new(Code::PolicyBadMaxAge, span).arg("value", v));
        return None;
    }
    if v.len() > 10 {
        diags.push(Diagnostic::new(Code::PolicyMaxAgeTooManyDigits, span).arg("len", v.len()));
        return None;
    }
    let n: u64 = v.parse().ok()?;
    if n > MAX_MAX_AGE {
        diags.push(
            Diagnostic::new(Code::PolicyMaxAgeTooLarge, span)
                .arg("value", n)
                .arg("max", MAX_MAX_AGE),
        );
        return None;
    }
    if n < MIN_ADVISED_MAX_AGE && mode != Some(Mode::None) {
        diags.push(Diagnostic::new(Code::PolicyMaxAgeShort, span).arg("value", n));
    } else if mode == Some(Mode::Testing) && !TESTING_MAX_AGE.contains(&n) {
        diags.push(Diagnostic::new(Code::PolicyTestingMaxAge, span).arg("value", n));
    }
    Some(n)
}

/// Lints a policy and checks MX coverage against the given MX hosts (RFC 8461 §4.1).
pub fn lint_with_mx(text: &str, hosts: &[&str]) -> (PolicyLint, Option<mx::Coverage>) {
    lint_bytes_with_mx(text.as_bytes(), hosts)
}

/// [`lint_with_mx`] for a policy as bytes (a file or an HTTP body that may not be UTF-8).
pub fn lint_bytes_with_mx(bytes: &[u8], hosts: &[&str]) -> (PolicyLint, Option<mx::Coverage>) {
    let mut lint = lint_bytes(bytes);
    let cov = add_mx_coverage(&mut lint, bytes.len(), hosts);
    (lint, cov)
}

/// Adds to `lint` of a policy of `len` bytes the MX coverage findings for `hosts` (RFC 8461 §4.1), and clears
/// its policy when that makes it invalid; `None` without hosts or in mode `none`.
pub fn add_mx_coverage(lint: &mut PolicyLint, len: usize, hosts: &[&str]) -> Option<mx::Coverage> {
    if hosts.is_empty() || lint.mode == Some(Mode::None) {
        return None;
    }
    let anchor = lint.mx.last().map(|p| p.span()).unwrap_or(Span::point(len));
    let (cov, diags) = mx::coverage(&lint.mx, lint.mode == Some(Mode::Enforce), hosts, anchor);
    lint.diagnostics.extend(diags);
    diag::sort(&mut lint.diagnostics);
    if diag::has_errors(&lint.diagnostics) {
        lint.policy = None;
    }
    Some(cov)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        diag::code_names(&lint(text).diagnostics)
    }

    const GOOD: &str = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n";

    #[test]
    fn policy_table() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("good LF", GOOD, &[]),
            ("good CRLF", "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n", &[]),
            ("no final newline", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400", &[]),
            ("no space after colon", "version:STSv1\nmode:enforce\nmx:a.example.com\nmax_age:86400", &[]),
            ("trailing spaces", "version: STSv1  \nmode: enforce\t\nmx: a.example.com\nmax_age: 86400", &[]),
            ("empty", "", &["policy/empty"]),
            ("garbage", "garbage", &["policy/malformed-line", "policy/missing-version", "policy/missing-mode", "policy/missing-max-age"]),
            ("mode missing", "version: STSv1\nmx: a.example.com\nmax_age: 86400", &["policy/missing-mode"]),
            ("bad mode", "version: STSv1\nmode: doubt\nmx: a.example.com\nmax_age: 86400", &["policy/bad-mode"]),
            ("mode case", "version: STSv1\nmode: Enforce\nmx: a.example.com\nmax_age: 86400", &["policy/bad-mode"]),
            ("key case", "version: STSv1\nMode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/field-case"]),
            ("bad version", "version: STSv2\nmode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/bad-version"]),
            ("version not first", "mode: enforce\nversion: STSv1\nmx: a.example.com\nmax_age: 86400", &["policy/version-not-first"]),
            ("enforce without mx", "version: STSv1\nmode: enforce\nmax_age: 86400", &["policy/missing-mx"]),
            ("none without mx", "version: STSv1\nmode: none\nmax_age: 86400", &["policy/mode-none"]),
            ("max_age text", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: xxx", &["policy/bad-max-age"]),
            ("max_age negative", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: -1", &["policy/bad-max-age"]),
            ("max_age too large", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557601", &["policy/max-age-too-large"]),
            ("max_age max", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557600", &[]),
            ("max_age 11 digits", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 00000086400", &["policy/max-age-too-many-digits"]),
            ("max_age short", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 1", &["policy/max-age-short"]),
            ("testing too long", "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 31557600", &["policy/testing-max-age"]),
            ("duplicate mode", "version: STSv1\nmode: enforce\nmode: testing\nmx: a.example.com\nmax_age: 86400", &["policy/duplicate-field"]),
            ("extension", "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nfoo: bar: baz", &["policy/unknown-field"]),
            ("blank line", "version: STSv1\n\nmode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/blank-line"]),
            ("leading space", "version: STSv1\n mode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/leading-whitespace"]),
            ("mixed endings", "version: STSv1\r\nmode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/mixed-line-endings"]),
            ("bom", "\u{feff}version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/bom"]),
            ("nul", "version: STSv1\nmode: enforce\u{0}\nmx: a.example.com\nmax_age: 86400", &["policy/bad-mode", "policy/control-char"]),
            ("bare cr", "version: STSv1\rmode: enforce\nmx: a.example.com\nmax_age: 86400", &["policy/bad-version", "policy/bare-cr", "policy/missing-mode"]),
            ("mx wildcard", "version: STSv1\nmode: enforce\nmx: mail.*.example.com\nmax_age: 86400", &["policy/mx-wildcard-not-leftmost"]),
            ("mx duplicate", "version: STSv1\nmode: enforce\nmx: a.example.com\nmx: A.example.com\nmax_age: 86400", &["policy/mx-duplicate"]),
            ("mx empty", "version: STSv1\nmode: enforce\nmx:\nmax_age: 86400", &["policy/mx-empty"]),
        ];
        for (name, input, want) in rows {
            assert_eq!(codes(input), *want, "{name}");
        }
    }

    #[test]
    fn non_utf8_and_oversize() {
        let mut bytes = GOOD.as_bytes().to_vec();
        bytes.extend_from_slice(b"foo: \xff\n");
        let l = lint_bytes(&bytes);
        assert!(l.diagnostics.iter().any(|d| d.code == Code::PolicyNotUtf8));
        let mut big = GOOD.to_owned();
        big.push_str(&"x: y\n".repeat(MAX_POLICY_BYTES / 5 + 1));
        let l = lint(&big);
        assert!(l.diagnostics.iter().any(|d| d.code == Code::PolicyTooLarge));
    }

    #[test]
    fn round_trip() {
        let p = lint(GOOD).policy.expect("valid");
        assert_eq!(p.to_text("\n"), GOOD);
        assert_eq!(lint(&p.to_text("\r\n")).policy, Some(p));
    }

    #[test]
    fn mx_coverage_through_policy() {
        let (l, cov) = lint_with_mx(GOOD, &["mail.example.com", "backup.example.com"]);
        assert!(!l.is_valid());
        assert_eq!(cov.map(|c| c.all_covered()), Some(false));
    }
}
