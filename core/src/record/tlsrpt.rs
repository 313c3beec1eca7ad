//! The `_smtp._tls` TXT record (RFC 8460 §3):
//!
//! ```text
//! tlsrpt-record  = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//! tlsrpt-version = %s"v=TLSRPTv1"
//! tlsrpt-rua     = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
//! tlsrpt-uri     = URI  ; commas, "!" and ";" MUST be percent-encoded
//! ```
//! Only `mailto:` (RFC 8460 §3.1.1) and `https:` (§3.1.2) are defined ways to deliver reports.

use super::{tags, Kind, Lint};
use crate::diag::{Code, Diagnostic, Span};
use serde::Serialize;

/// Where reports go: an e-mail address or an HTTPS endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "uri", rename_all = "lowercase")]
pub enum Rua {
    /// `mailto:` — reports arrive as `multipart/report` e-mails (RFC 8460 §5.3).
    Mailto(String),
    /// `https:` — reports are POSTed (RFC 8460 §5.4).
    Https(String),
}

impl Rua {
    /// The URI as written in the record.
    pub fn as_str(&self) -> &str {
        match self {
            Rua::Mailto(s) | Rua::Https(s) => s,
        }
    }
}

/// A valid `_smtp._tls` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsRptRecord {
    /// Report destinations, in order.
    pub rua: Vec<Rua>,
    /// Extension fields, in order (senders ignore them).
    pub extensions: Vec<(String, String)>,
}

impl TlsRptRecord {
    /// The record value, as it should be published.
    pub fn to_txt(&self) -> String {
        let uris: Vec<&str> = self.rua.iter().map(Rua::as_str).collect();
        let mut s = format!("v=TLSRPTv1; rua={}", uris.join(","));
        for (k, v) in &self.extensions {
            s.push_str(&format!("; {k}={v}"));
        }
        s
    }
}

const KIND: Kind = Kind {
    version_prefix: "v=TLSRPTv1",
    label: "_smtp._tls",
    multiple: Code::TlsrptMultipleRecords,
    discarded: Code::TlsrptDiscardedRecord,
    wrong_name: Code::TlsrptWrongName,
    old_names: &[
        ("_smtp-tlsrpt", Code::TlsrptOldName),
        ("_smtp_tlsrpt", Code::TlsrptOldName),
    ],
};

/// Checks pasted `_smtp._tls` input (a value, quoted strings, zone or `dig` output, several records).
pub fn lint(text: &str) -> Lint<TlsRptRecord> {
    super::select(text, &KIND, parse_value)
}

/// Checks the TXT records a resolver returned for the name (one string per record, already joined): the
/// name-level rule picks the one record senders use. The live check uses this, never the paste parser.
pub fn lint_answers(records: &[String]) -> Lint<TlsRptRecord> {
    super::select_answers(records, &KIND, parse_value)
}

/// Parses one record value; diagnostics have spans relative to `value`.
pub fn parse_value(value: &str, diags: &mut Vec<Diagnostic>) -> Option<TlsRptRecord> {
    let (fields, split_diags) = tags::split(value);
    diags.extend(split_diags);
    let own = "v=tlsrptv1";
    let Some(first) = fields.first() else {
        if let Some(kind) = tags::foreign_record_kind(value, own) {
            diags.retain(|d| d.code != Code::RecordMalformedField);
            diags.push(
                Diagnostic::new(Code::TlsrptWrongRecordType, Span::new(0, value.len()))
                    .arg("kind", kind),
            );
        }
        return None;
    };
    if first.name != "v" {
        match tags::foreign_record_kind(value, own) {
            Some(kind) => diags
                .push(Diagnostic::new(Code::TlsrptWrongRecordType, first.span()).arg("kind", kind)),
            None => diags.push(
                Diagnostic::new(Code::TlsrptVersionNotFirst, first.span())
                    .arg("value", crate::diag::snippet(value, 16)),
            ),
        }
    } else if first.value != "TLSRPTv1" {
        let lower = first.value.to_ascii_lowercase();
        match tags::foreign_record_kind(value, own) {
            Some(kind) if !lower.starts_with("tlsrpt") => diags
                .push(Diagnostic::new(Code::TlsrptWrongRecordType, first.span()).arg("kind", kind)),
            _ => diags.push(
                Diagnostic::new(Code::TlsrptBadVersion, first.value_span).arg("value", first.value),
            ),
        }
    }
    let mut rua: Option<Vec<Rua>> = None;
    let mut extensions = Vec::new();
    if diags.iter().any(|d| d.code == Code::TlsrptWrongRecordType) {
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
            "rua" => rua = Some(parse_rua(f.value, f.value_span.start, diags)),
            _ => {
                tags::check_extension(f, diags);
                extensions.push((f.name.to_owned(), f.value.to_owned()));
            }
        }
    }
    if rua.is_none() && (first.name == "v" || fields.len() > 1) {
        diags.push(Diagnostic::new(
            Code::TlsrptMissingRua,
            Span::point(value.len()),
        ));
    }
    Some(TlsRptRecord {
        rua: rua?,
        extensions,
    })
}

/// Splits `rua` on `*WSP "," *WSP` and checks each URI; `base` is the offset of `value` in the record.
fn parse_rua(value: &str, base: usize, diags: &mut Vec<Diagnostic>) -> Vec<Rua> {
    let mut out = Vec::new();
    let mut pos = 0;
    for part in value.split(',') {
        let start = pos + (part.len() - part.trim_start_matches([' ', '\t']).len());
        let uri = part.trim_matches([' ', '\t']);
        pos += part.len() + 1;
        let span = Span::new(base + start, base + start + uri.len());
        if uri.is_empty() {
            diags.push(Diagnostic::new(
                Code::TlsrptEmptyUri,
                Span::point(base + start),
            ));
            continue;
        }
        if let Some(r) = check_uri(uri, span, diags) {
            out.push(r);
        }
    }
    out
}

/// Checks one report URI (RFC 8460 §3: only `mailto:` and `https:`; `!` must be percent-encoded).
pub fn check_uri(uri: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Option<Rua> {
    let before = diags.len();
    if let Some(off) = uri.find(char::is_whitespace) {
        diags.push(
            Diagnostic::new(
                Code::RecordBadWhitespace,
                Span::new(span.start + off, span.start + off + 1),
            )
            .arg("where", "inside-uri"),
        );
    }
    // RFC 8460 §3: commas, exclamation points and semicolons inside a URI MUST be percent-encoded. In a record
    // `,` and `;` already split the value, but a URI given on its own (the generator) may still hold them.
    for (ch, encoded) in [('!', "%21"), (',', "%2C"), (';', "%3B")] {
        if let Some(off) = uri.find(ch) {
            diags.push(
                Diagnostic::new(
                    Code::TlsrptUnencodedChar,
                    Span::new(span.start + off, span.start + off + 1),
                )
                .arg("char", ch)
                .arg("encoded", encoded),
            );
        }
    }
    // RFC 3986 §2: a URI holds only these characters (anything else must be percent-encoded).
    let is_uri_char = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    if let Some((off, bad)) = uri
        .char_indices()
        .find(|(_, c)| c.is_ascii() && !is_uri_char(*c) && !c.is_whitespace())
    {
        let at = Span::new(span.start + off, span.start + off + 1);
        let d = if uri.to_ascii_lowercase().starts_with("mailto:") {
            Diagnostic::new(Code::TlsrptBadMailto, at).arg("value", uri)
        } else {
            let reason = format!("`{bad}` is not allowed in a URI");
            Diagnostic::new(Code::TlsrptBadHttps, at)
                .arg("value", uri)
                .arg("reason", reason)
        };
        diags.push(d);
        return None;
    }
    let (scheme, rest) = uri.split_once(':').unwrap_or(("", uri));
    let result = match scheme.to_ascii_lowercase().as_str() {
        "mailto" => {
            let addr = rest.split('?').next().unwrap_or_default();
            let decoded = percent_decode(addr);
            if email_address::EmailAddress::is_valid(&decoded) && decoded.contains('@') {
                Some(Rua::Mailto(uri.to_owned()))
            } else {
                diags.push(Diagnostic::new(Code::TlsrptBadMailto, span).arg("value", uri));
                None
            }
        }
        // The ASCII-only IDNA back end (see README) cannot map Unicode host names; say so instead of trying.
        "https"
            if !uri.is_ascii()
                || uri.chars().any(char::is_control)
                || https_host(uri).contains('%') =>
        {
            diags.push(
                Diagnostic::new(Code::TlsrptBadHttps, span)
                    .arg("value", uri)
                    .arg("reason", "non-ASCII characters: write the host as an A-label and percent-encode the path"),
            );
            None
        }
        "https" => match url::Url::parse(uri) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => {
                Some(Rua::Https(uri.to_owned()))
            }
            Ok(_) => {
                diags.push(
                    Diagnostic::new(Code::TlsrptBadHttps, span)
                        .arg("value", uri)
                        .arg("reason", "no host"),
                );
                None
            }
            Err(e) => {
                diags.push(
                    Diagnostic::new(Code::TlsrptBadHttps, span)
                        .arg("value", uri)
                        .arg("reason", e),
                );
                None
            }
        },
        "http" => {
            diags.push(Diagnostic::new(Code::TlsrptHttpNotHttps, span).arg("value", uri));
            None
        }
        _ => {
            diags.push(Diagnostic::new(Code::TlsrptBadScheme, span).arg("value", uri));
            None
        }
    };
    if diags.len() > before {
        return None;
    }
    result
}

/// The host part of an `https:` URI as written (between `//` and the path, without user info or port).
fn https_host(uri: &str) -> &str {
    // WHATWG URL parsing accepts any number of `/` or `\` after a special scheme's colon.
    let rest = uri
        .split_once(':')
        .map_or("", |(_, r)| r)
        .trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("")
}

/// Decodes `%XX` escapes (RFC 3986 §2.1); malformed escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        crate::diag::code_names(&lint(text).diagnostics)
    }

    #[test]
    fn tlsrpt_record_table() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("mailto", "v=TLSRPTv1; rua=mailto:reports@example.com", &[]),
            (
                "https",
                "v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt",
                &[],
            ),
            (
                "two uris",
                "v=TLSRPTv1; rua=mailto:a@example.com, https://r.example.com/x",
                &[],
            ),
            (
                "encoded bang",
                "v=TLSRPTv1; rua=mailto:a%21b@example.com",
                &[],
            ),
            (
                "unencoded bang",
                "v=TLSRPTv1; rua=mailto:a!b@example.com",
                &["tlsrpt-record/unencoded-char"],
            ),
            (
                "no scheme",
                "v=TLSRPTv1; rua=reports@example.com",
                &["tlsrpt-record/bad-scheme"],
            ),
            (
                "http",
                "v=TLSRPTv1; rua=http://r.example.com/",
                &["tlsrpt-record/http-not-https"],
            ),
            (
                "bad mailto",
                "v=TLSRPTv1; rua=mailto:not-an-address",
                &["tlsrpt-record/bad-mailto"],
            ),
            (
                "bad https",
                "v=TLSRPTv1; rua=https://",
                &["tlsrpt-record/bad-https"],
            ),
            (
                "trailing comma",
                "v=TLSRPTv1; rua=mailto:a@example.com,",
                &["tlsrpt-record/empty-uri"],
            ),
            ("missing rua", "v=TLSRPTv1;", &["tlsrpt-record/missing-rua"]),
            (
                "v2",
                "v=TLSRPTv2; rua=mailto:a@example.com",
                &["tlsrpt-record/bad-version"],
            ),
            (
                "version not first",
                "rua=mailto:a@example.com; v=TLSRPTv1",
                &["tlsrpt-record/version-not-first"],
            ),
            (
                "sts pasted",
                "v=STSv1; id=1",
                &["tlsrpt-record/wrong-record-type"],
            ),
            (
                "old name",
                "_smtp-tlsrpt.example.com. IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com\"",
                &["tlsrpt-record/old-name"],
            ),
            (
                "right name",
                "_smtp._tls.example.com. IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com\"",
                &[],
            ),
            (
                "extension",
                "v=TLSRPTv1; rua=mailto:a@example.com; x=1",
                &["record/unknown-field"],
            ),
        ];
        for (name, input, want) in rows {
            assert_eq!(codes(input), *want, "{name}: {input}");
        }
    }

    #[test]
    fn old_name_suggests_the_right_one() {
        let l = lint("_smtp-tlsrpt.example.com. IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com\"");
        assert_eq!(
            l.diagnostics[0].get("expected"),
            Some("_smtp._tls.example.com")
        );
    }
}
