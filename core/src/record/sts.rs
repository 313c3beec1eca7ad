//! The `_mta-sts` TXT record (RFC 8461 §3.1):
//!
//! ```text
//! sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
//! sts-version     = %s"v=STSv1"
//! sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
//! sts-extension   = sts-ext-name "=" sts-ext-value
//! ```
//! Unknown fields are ignored (shown as info); duplicated fields: the first wins (RFC 8461 §3.2, last paragraph).

use super::{tags, Kind, Lint};
use crate::diag::{Code, Diagnostic, Span};
use serde::Serialize;

/// A valid `_mta-sts` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StsRecord {
    /// The policy id: 1–32 letters and digits; senders refetch the policy when it changes.
    pub id: String,
    /// Extension fields, in order (senders ignore them).
    pub extensions: Vec<(String, String)>,
}

impl StsRecord {
    /// The record value, as it should be published.
    pub fn to_txt(&self) -> String {
        let mut s = format!("v=STSv1; id={}", self.id);
        for (k, v) in &self.extensions {
            s.push_str(&format!("; {k}={v}"));
        }
        s
    }
}

/// Maximum length of `id` (RFC 8461 §3.1 `1*32(ALPHA / DIGIT)`).
pub const MAX_ID_LEN: usize = 32;

const KIND: Kind = Kind {
    version_prefix: "v=STSv1",
    label: "_mta-sts",
    multiple: Code::StsMultipleRecords,
    discarded: Code::StsDiscardedRecord,
    wrong_name: Code::StsWrongName,
    old_names: &[],
};

/// Checks pasted `_mta-sts` input (a value, quoted strings, zone or `dig` output, several records).
pub fn lint(text: &str) -> Lint<StsRecord> {
    super::select(text, &KIND, parse_value)
}

/// Checks the TXT records a resolver returned for the name (one string per record, already joined): the
/// name-level rule picks the one record senders use. The live check uses this, never the paste parser.
pub fn lint_answers(records: &[String]) -> Lint<StsRecord> {
    super::select_answers(records, &KIND, parse_value)
}

/// True when `id` is valid by RFC 8461 §3.1.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Parses one record value; diagnostics have spans relative to `value`.
pub fn parse_value(value: &str, diags: &mut Vec<Diagnostic>) -> Option<StsRecord> {
    let (fields, split_diags) = tags::split(value);
    diags.extend(split_diags);
    let Some(first) = fields.first() else {
        if let Some(kind) = tags::foreign_record_kind(value, "v=stsv1") {
            diags.retain(|d| d.code != Code::RecordMalformedField);
            diags.push(
                Diagnostic::new(Code::StsWrongRecordType, Span::new(0, value.len()))
                    .arg("kind", kind),
            );
        }
        return None;
    };
    if first.name != "v" {
        match tags::foreign_record_kind(value, "v=stsv1") {
            Some(kind) => diags
                .push(Diagnostic::new(Code::StsWrongRecordType, first.span()).arg("kind", kind)),
            None => diags.push(
                Diagnostic::new(Code::StsVersionNotFirst, first.span())
                    .arg("value", crate::diag::snippet(value, 16)),
            ),
        }
    } else if first.value != "STSv1" {
        match tags::foreign_record_kind(value, "v=stsv1") {
            Some(kind) if !first.value.eq_ignore_ascii_case("stsv1") => diags
                .push(Diagnostic::new(Code::StsWrongRecordType, first.span()).arg("kind", kind)),
            _ => diags.push(
                Diagnostic::new(Code::StsBadVersion, first.value_span).arg("value", first.value),
            ),
        }
    }
    let mut id: Option<String> = None;
    let mut extensions = Vec::new();
    if diags.iter().any(|d| d.code == Code::StsWrongRecordType) {
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    for f in &fields {
        if seen.contains(&f.name) {
            diags.push(Diagnostic::new(Code::RecordDuplicateField, f.span()).arg("name", f.name));
            continue;
        }
        seen.push(f.name);
        match f.name {
            "v" => {} // already reported: the version is not first
            "id" => {
                check_id(f, diags);
                id = Some(f.value.to_owned());
            }
            _ => {
                tags::check_extension(f, diags);
                extensions.push((f.name.to_owned(), f.value.to_owned()));
            }
        }
    }
    if id.is_none() && (first.name == "v" || fields.len() > 1) {
        diags.push(
            Diagnostic::new(Code::StsMissingId, Span::point(value.len()))
                .arg("suggestion", "YYYYMMDDHHMMSS"),
        );
    }
    let id = id?;
    Some(StsRecord { id, extensions })
}

fn check_id(f: &tags::Field<'_>, diags: &mut Vec<Diagnostic>) {
    check_id_value(f.value, f.value_span, diags);
}

/// RFC 8461 §3.1: an `id` is 1 to 32 letters and digits. Checks `v`, written at `value_span`, and says what is
/// wrong with a suggestion (the record linter and the generator's `--id VALUE` share it).
pub fn check_id_value(v: &str, value_span: Span, diags: &mut Vec<Diagnostic>) {
    let cleaned: String = v
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(MAX_ID_LEN)
        .collect();
    let suggestion = if cleaned.is_empty() {
        "YYYYMMDDHHMMSS".to_owned()
    } else {
        cleaned
    };
    if v.is_empty() {
        diags.push(Diagnostic::new(Code::StsIdEmpty, value_span).arg("suggestion", suggestion));
        return;
    }
    if let Some((off, bad)) = v.char_indices().find(|(_, c)| !c.is_ascii_alphanumeric()) {
        let at = value_span.start + off;
        let shown = if bad == ' ' {
            "␠".to_owned()
        } else {
            bad.to_string()
        };
        diags.push(
            Diagnostic::new(Code::StsIdInvalidChar, Span::new(at, at + bad.len_utf8()))
                .arg("value", shown)
                .arg("suggestion", suggestion),
        );
    } else if v.len() > MAX_ID_LEN {
        diags.push(
            Diagnostic::new(
                Code::StsIdTooLong,
                Span::new(value_span.start + MAX_ID_LEN, value_span.end),
            )
            .arg("len", v.len())
            .arg("suggestion", "YYYYMMDDHHMMSS"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        crate::diag::code_names(&lint(text).diagnostics)
    }

    #[test]
    fn sts_record_table() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("minimal", "v=STSv1; id=1", &[]),
            (
                "curly quotes from a document: one finding",
                "_mta-sts.example.com. IN TXT \u{201c}v=STSv1; id=1\u{201d}",
                &["input/curly-quotes"],
            ),
            (
                "low-9 and guillemets too",
                "\u{201e}v=STSv1; id=1\u{201c} \u{ab}x\u{bb}",
                &["input/curly-quotes"],
            ),
            ("trailing semicolon", "v=STSv1;id=20180907T090909;", &[]),
            (
                "32-char id",
                "v=STSv1; id=abcdefghijklmnopqrstuvwxyz012345",
                &[],
            ),
            (
                "id too long",
                "v=STSv1; id=abcdefghijklmnopqrstuvwxyz0123456",
                &["sts-record/id-too-long"],
            ),
            (
                "id with dash",
                "v=STSv1; id=2024-01-01",
                &["sts-record/id-invalid-char"],
            ),
            ("id empty", "v=STSv1; id=", &["sts-record/id-empty"]),
            ("missing id", "v=STSv1;", &["sts-record/missing-id"]),
            (
                "version not first",
                "id=20180907T090909; v=STSv1;",
                &["sts-record/version-not-first"],
            ),
            (
                "wrong version",
                "v=STSv12;id=1;",
                &["sts-record/bad-version"],
            ),
            (
                "lower-case version",
                "v=stsv1; id=1",
                &["sts-record/bad-version"],
            ),
            (
                "garbage",
                "azazaza;asdasdasdasd",
                &["record/malformed-field", "record/malformed-field"],
            ),
            (
                "spf pasted",
                "v=spf1 include:_spf.google.com ~all",
                &["sts-record/wrong-record-type"],
            ),
            (
                "tlsrpt pasted",
                "v=TLSRPTv1; rua=mailto:a@example.com",
                &["sts-record/wrong-record-type"],
            ),
            (
                "unknown extension",
                "v=STSv1; id=1; foo=bar",
                &["record/unknown-field"],
            ),
            (
                "bad extension value",
                "v=STSv1; id=1; foo=a=b",
                &["record/bad-extension-value"],
            ),
            (
                "duplicate id",
                "v=STSv1; id=1; id=2",
                &["record/duplicate-field"],
            ),
            (
                "missing semicolon",
                "v=STSv1 id=1",
                &["sts-record/bad-version", "sts-record/missing-id"],
            ),
            ("empty", "  \n", &["input/empty"]),
            (
                "long bare value",
                &format!("v=STSv1; id=1; x={}", "a".repeat(250)),
                &["record/long-string", "record/unknown-field"],
            ),
            (
                "two records",
                "v=STSv1; id=1\nv=STSv1; id=2",
                &["sts-record/multiple-records"],
            ),
            (
                "spf beside it",
                "v=STSv1; id=1\nv=spf1 -all",
                &["sts-record/discarded-record"],
            ),
            (
                "dig output",
                "_mta-sts.example.com. 300 IN TXT \"v=STSv1; \" \"id=1\"",
                &[],
            ),
            (
                "at the apex",
                "example.com. 300 IN TXT \"v=STSv1; id=1\"",
                &["sts-record/wrong-name"],
            ),
        ];
        for (name, input, want) in rows {
            assert_eq!(codes(input), *want, "{name}: {input}");
            let valid = !want.iter().any(|c| {
                crate::diag::Code::ALL
                    .iter()
                    .any(|k| k.name() == *c && k.severity() == crate::diag::Severity::Error)
            });
            assert_eq!(lint(input).record.is_some(), valid, "{name}");
        }
    }

    #[test]
    fn spans_point_at_the_problem() {
        let text = "v=STSv1; id=2024-01-01";
        let d = &lint(text).diagnostics[0];
        assert_eq!(&text[d.span.start..d.span.end], "-");
        let text = "\"v=STSv1; \" \"id=bad_id\"";
        let d = &lint(text).diagnostics[0];
        assert_eq!(&text[d.span.start..d.span.end], "_");
    }
}
