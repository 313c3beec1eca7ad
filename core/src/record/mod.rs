//! The TXT side of MTA-STS and TLS-RPT: what a user pastes (bare values, zone-file or `dig` output, several
//! records) becomes candidate records ([`input`]), split by the shared `tag=value` grammar ([`tags`]), then
//! checked as an `_mta-sts` record ([`sts`], RFC 8461 §3.1) or an `_smtp._tls` record ([`tlsrpt`], RFC 8460 §3).
//!
//! Both RFCs apply the same name-level rule: of the TXT records at the name, those not starting with the version
//! are discarded, and exactly one must remain (RFC 8461 §3.1, RFC 8460 §3). [`select`] implements it.

pub mod input;
pub mod sts;
pub mod tags;
pub mod tlsrpt;

use crate::diag::{self, Code, Diagnostic, Span};
use input::Candidate;

/// The outcome of checking pasted TXT input: the record senders would use (when it is valid) and everything found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint<T> {
    /// The record a sender would use; `None` when there is none or it is invalid.
    pub record: Option<T>,
    /// Findings, with spans into the pasted text, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The owner name, when the input was zone/dig output.
    pub owner: Option<String>,
}

impl<T> Lint<T> {
    /// True when there is no error.
    pub fn is_valid(&self) -> bool {
        !diag::has_errors(&self.diagnostics)
    }
}

/// What differs between the two record types for the name-level rules.
pub(crate) struct Kind {
    /// `v=STSv1` or `v=TLSRPTv1`.
    pub version_prefix: &'static str,
    /// `_mta-sts` or `_smtp._tls`.
    pub label: &'static str,
    pub multiple: Code,
    pub discarded: Code,
    pub wrong_name: Code,
    /// Draft-era names and the code that calls them out.
    pub old_names: &'static [(&'static str, Code)],
}

fn starts_with_version(value: &str, prefix: &str) -> bool {
    value
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([';', ' ', '\t']))
}

/// Applies the name-level selection rule to pasted text and parses the chosen record(s) with `parse`.
pub(crate) fn select<T>(
    text: &str,
    kind: &Kind,
    parse: impl Fn(&str, &mut Vec<Diagnostic>) -> Option<T>,
) -> Lint<T> {
    // RFC 1035 §5.1 quotes are straight: typographic ones come from a word processor, and read as part of the
    // value they give three confusing findings; one finding says what to change
    if let Some((at, c)) = text.char_indices().find(|(_, c)| {
        matches!(
            c,
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}'
        )
    }) {
        return Lint {
            record: None,
            diagnostics: vec![Diagnostic::new(
                Code::InputCurlyQuotes,
                Span::new(at, at + c.len_utf8()),
            )
            .arg("quote", c)],
            owner: None,
        };
    }
    let (cands, diagnostics) = input::candidates(text);
    select_candidates(cands, diagnostics, text.len(), false, kind, parse)
}

/// Applies the name-level selection rule to the TXT records a resolver returned (strings already joined, one
/// per record): no paste parsing, no owner names, no note about 255-byte strings (DNS already split them).
/// Spans are byte ranges of each record's own value.
pub(crate) fn select_answers<T>(
    records: &[String],
    kind: &Kind,
    parse: impl Fn(&str, &mut Vec<Diagnostic>) -> Option<T>,
) -> Lint<T> {
    let cands = records
        .iter()
        .map(|r| Candidate {
            owner: None,
            value: r.clone(),
            map: (0..=r.len()).collect(),
            span: diag::Span::new(0, r.len()),
        })
        .collect();
    select_candidates(cands, Vec::new(), 0, true, kind, parse)
}

fn select_candidates<T>(
    cands: Vec<Candidate>,
    mut diagnostics: Vec<Diagnostic>,
    text_len: usize,
    from_dns: bool,
    kind: &Kind,
    parse: impl Fn(&str, &mut Vec<Diagnostic>) -> Option<T>,
) -> Lint<T> {
    if cands.is_empty() {
        let at = text_len;
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::new(Code::InputEmpty, diag::Span::new(0, at)));
        }
        return Lint {
            record: None,
            diagnostics,
            owner: None,
        };
    }
    let owner = cands
        .iter()
        .find_map(|c| c.owner.as_ref().map(|o| o.0.clone()));
    for c in &cands {
        check_owner(c, kind, &mut diagnostics);
    }
    let matching: Vec<&Candidate> = cands
        .iter()
        .filter(|c| starts_with_version(&c.value, kind.version_prefix))
        .collect();
    let mut record = None;
    let to_parse: Vec<&Candidate> = match matching.len() {
        1 if cands.len() > 1 => {
            for c in cands
                .iter()
                .filter(|c| !starts_with_version(&c.value, kind.version_prefix))
            {
                diagnostics.push(Diagnostic::new(kind.discarded, c.span));
            }
            matching
        }
        0 | 1 => cands.iter().collect(),
        n => {
            for c in &matching[1..] {
                diagnostics.push(Diagnostic::new(kind.multiple, c.span).arg("count", n));
            }
            matching
        }
    };
    for c in &to_parse {
        if c.value.len() > 255 && !c.quoted() && !from_dns {
            diagnostics
                .push(Diagnostic::new(Code::RecordLongString, c.span).arg("len", c.value.len()));
        }
        let mut local = Vec::new();
        let parsed = parse(&c.value, &mut local);
        let ok = !diag::has_errors(&local);
        diagnostics.extend(local.into_iter().map(|mut d| {
            d.span = c.input_span(d.span);
            d
        }));
        if ok && to_parse.len() == 1 {
            record = parsed;
        }
    }
    if diag::has_errors(&diagnostics) {
        record = None;
    }
    diag::sort(&mut diagnostics);
    Lint {
        record,
        diagnostics,
        owner,
    }
}

/// Checks the owner name of zone/dig input against the expected label.
fn check_owner(c: &Candidate, kind: &Kind, diags: &mut Vec<Diagnostic>) {
    let Some((owner, span)) = &c.owner else {
        return;
    };
    let name = owner.trim_end_matches('.').to_ascii_lowercase();
    if name == kind.label || name.starts_with(&format!("{}.", kind.label)) {
        return;
    }
    let parent = |prefix: &str| {
        name.strip_prefix(prefix)
            .map(|r| r.trim_start_matches('.').to_owned())
    };
    let rest = kind
        .old_names
        .iter()
        .find_map(|(old, _)| parent(old))
        .or_else(|| {
            name.starts_with('_').then(|| {
                name.split_once('.')
                    .map(|x| x.1.to_owned())
                    .unwrap_or_default()
            })
        })
        .unwrap_or_else(|| name.clone());
    let expected = if rest.is_empty() {
        kind.label.to_owned()
    } else {
        format!("{}.{rest}", kind.label)
    };
    let code = kind
        .old_names
        .iter()
        .find(|(old, _)| name.starts_with(old))
        .map(|(_, c)| *c)
        .unwrap_or(kind.wrong_name);
    diags.push(
        Diagnostic::new(code, *span)
            .arg("name", owner)
            .arg("expected", expected),
    );
}
