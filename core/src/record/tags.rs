//! The `tag=value` grammar shared by `_mta-sts` (RFC 8461 §3.1) and `_smtp._tls` (RFC 8460 §3) records:
//!
//! ```text
//! record      = version 1*(field-delim field) [field-delim]
//! field-delim = *WSP ";" *WSP
//! ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
//! ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)   ; no "=", ";", space or CTL
//! ```
//!
//! This module only splits fields and checks the delimiters; each record type checks its own fields.

use crate::diag::{Code, Diagnostic, Span};

/// One `name=value` field, with spans relative to the record value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The name, as written.
    pub name: &'a str,
    /// Where the name is.
    pub name_span: Span,
    /// The value, as written (may hold white space for fields whose grammar allows it, such as `rua`).
    pub value: &'a str,
    /// Where the value is.
    pub value_span: Span,
}

impl Field<'_> {
    /// The span from the name to the end of the value.
    pub fn span(&self) -> Span {
        Span::new(self.name_span.start, self.value_span.end)
    }
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Splits a record value into fields. Diagnostics cover empty fields, fields without `=`, white space around
/// `=` and around the whole record.
pub fn split(value: &str) -> (Vec<Field<'_>>, Vec<Diagnostic>) {
    let mut fields = Vec::new();
    let mut diags = Vec::new();
    let bytes = value.as_bytes();
    let lead = bytes.iter().take_while(|&&b| is_wsp(b)).count();
    if lead > 0 && lead < bytes.len() {
        diags.push(
            Diagnostic::new(Code::RecordSurroundingWhitespace, Span::new(0, lead))
                .arg("where", "start"),
        );
    }
    let body_end = bytes.len() - bytes.iter().rev().take_while(|&&b| is_wsp(b)).count();
    if body_end < bytes.len() && body_end > lead && bytes[body_end - 1] != b';' {
        diags.push(
            Diagnostic::new(
                Code::RecordSurroundingWhitespace,
                Span::new(body_end, bytes.len()),
            )
            .arg("where", "end"),
        );
    }
    let mut seg_start = lead;
    let segments: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        for (i, &b) in bytes.iter().enumerate().skip(lead) {
            if b == b';' {
                v.push((seg_start, i));
                seg_start = i + 1;
            }
        }
        v.push((seg_start, bytes.len()));
        v
    };
    let last = segments.len() - 1;
    for (n, &(s, e)) in segments.iter().enumerate() {
        let s2 = s + bytes[s..e].iter().take_while(|&&b| is_wsp(b)).count();
        let e2 = e - bytes[s2..e]
            .iter()
            .rev()
            .take_while(|&&b| is_wsp(b))
            .count();
        if s2 == e2 {
            if n != last && !(n == 0 && lead == bytes.len()) {
                diags.push(Diagnostic::new(
                    Code::RecordEmptyField,
                    Span::new(s, (e + 1).min(bytes.len())),
                ));
            }
            continue;
        }
        let seg = &value[s2..e2];
        let Some(eq) = seg.find('=') else {
            diags.push(
                Diagnostic::new(Code::RecordMalformedField, Span::new(s2, e2)).arg("value", seg),
            );
            continue;
        };
        let raw_name = &seg[..eq];
        let raw_value = &seg[eq + 1..];
        let name = raw_name.trim_end_matches([' ', '\t']);
        let val = raw_value.trim_start_matches([' ', '\t']);
        if name.len() != raw_name.len() || val.len() != raw_value.len() {
            let ws_start = s2 + name.len();
            let ws_end = s2 + eq + 1 + (raw_value.len() - val.len());
            diags.push(
                Diagnostic::new(Code::RecordBadWhitespace, Span::new(ws_start, ws_end))
                    .arg("where", "around-equals"),
            );
        }
        let vstart = e2 - val.len();
        fields.push(Field {
            name,
            name_span: Span::new(s2, s2 + name.len()),
            value: val,
            value_span: Span::new(vstart, e2),
        });
    }
    (fields, diags)
}

/// RFC 8461 §3.1 / RFC 8460 §3 `ext-name`.
pub fn is_ext_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 32
        && b[0].is_ascii_alphanumeric()
        && b[1..]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.')
}

/// RFC 8461 §3.1 / RFC 8460 §3 `ext-value`.
pub fn is_ext_value(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|c| (0x21..=0x7e).contains(&c) && c != b'=' && c != b';')
}

/// Checks an unknown field by the extension ABNF: an info that senders ignore it, or an error if it is malformed.
pub fn check_extension(f: &Field<'_>, diags: &mut Vec<Diagnostic>) {
    if !is_ext_name(f.name) {
        diags.push(Diagnostic::new(Code::RecordBadExtensionName, f.name_span).arg("value", f.name));
    } else if !is_ext_value(f.value) {
        diags
            .push(Diagnostic::new(Code::RecordBadExtensionValue, f.value_span).arg("name", f.name));
    } else {
        diags.push(Diagnostic::new(Code::RecordUnknownField, f.name_span).arg("name", f.name));
    }
}

/// Kinds of TXT records people paste by mistake, recognised by their first bytes; the result is a token the
/// catalogs turn into words (`spf`, `dmarc`, `dkim`, `bimi`, `tlsrpt`, `sts`, `site-verification`, `policy-file`).
/// `own` is the lower-case version prefix of the record being checked, which is never foreign.
pub fn foreign_record_kind(value: &str, own: &str) -> Option<&'static str> {
    let v = value.trim_start().to_ascii_lowercase();
    if v.starts_with(own) {
        return None;
    }
    let table: &[(&str, &str)] = &[
        ("v=spf1", "spf"),
        ("v=dmarc1", "dmarc"),
        ("v=dkim1", "dkim"),
        ("k=rsa", "dkim"),
        ("v=bimi1", "bimi"),
        ("v=tlsrptv1", "tlsrpt"),
        ("v=stsv1", "sts"),
        ("google-site-verification=", "site-verification"),
        ("ms=", "site-verification"),
        ("version: stsv1", "policy-file"),
    ];
    table
        .iter()
        .find(|(p, _)| v.starts_with(p))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &str) -> Vec<(String, String)> {
        split(v)
            .0
            .iter()
            .map(|f| (f.name.to_owned(), f.value.to_owned()))
            .collect()
    }
    fn codes(v: &str) -> Vec<&'static str> {
        split(v).1.iter().map(|d| d.code.name()).collect()
    }

    type Row<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

    #[test]
    fn split_table() {
        let rows: &[Row<'_>] = &[
            ("v=STSv1; id=1", &[("v", "STSv1"), ("id", "1")], &[]),
            ("v=STSv1;id=1;", &[("v", "STSv1"), ("id", "1")], &[]),
            ("v=STSv1 ;\tid=1 ; ", &[("v", "STSv1"), ("id", "1")], &[]),
            (
                "v=STSv1;;id=1",
                &[("v", "STSv1"), ("id", "1")],
                &["record/empty-field"],
            ),
            (
                "v=STSv1; id = 1",
                &[("v", "STSv1"), ("id", "1")],
                &["record/bad-whitespace"],
            ),
            (
                " v=STSv1; id=1",
                &[("v", "STSv1"), ("id", "1")],
                &["record/surrounding-whitespace"],
            ),
            (
                "v=STSv1; id=1 ",
                &[("v", "STSv1"), ("id", "1")],
                &["record/surrounding-whitespace"],
            ),
            ("garbage", &[], &["record/malformed-field"]),
            ("a=b=c", &[("a", "b=c")], &[]),
        ];
        for (input, fields, want) in rows {
            let got: Vec<(String, String)> = fields
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(names(input), got, "{input}");
            assert_eq!(codes(input), *want, "{input}");
        }
    }

    #[test]
    fn ext_grammar_table() {
        for (name, ok) in [
            ("ab", true),
            ("a_b-c.d", true),
            ("_a", false),
            ("", false),
            (&"a".repeat(33) as &str, false),
        ] {
            assert_eq!(is_ext_name(name), ok, "{name}");
        }
        for (value, ok) in [
            ("x", true),
            ("a:b", true),
            ("a b", false),
            ("a=b", false),
            ("", false),
            ("é", false),
        ] {
            assert_eq!(is_ext_value(value), ok, "{value}");
        }
    }
}
