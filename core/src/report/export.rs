//! CSV and JSON export of reports, for spreadsheets and scripts. Report content is untrusted: CSV cells that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are prefixed with `'`.

use super::model::Report;

/// CSV header: one row per policy (`row` = `policy`) and one per failure detail (`row` = `failure`).
pub const CSV_HEADER: &str = "row,organization,report_id,start,end,policy_type,policy_domain,successful,failed,result_type,sending_mta_ip,receiving_mx_hostname,receiving_ip,failed_session_count,failure_reason_code,additional_information";

/// Quotes a CSV cell (RFC 4180) and defuses formula injection.
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The reports as CSV (header included, CRLF line ends as RFC 4180 says).
pub fn to_csv<'a>(reports: impl IntoIterator<Item = &'a Report>) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for r in reports {
        let head = [
            r.organization(),
            r.id(),
            r.start().unwrap_or(""),
            r.end().unwrap_or(""),
        ];
        for p in r.policies() {
            let ok = p.successful().to_string();
            let failed = p.failed().to_string();
            let policy = [p.policy_type(), p.domain()];
            let mut row = vec!["policy"];
            row.extend(head);
            row.extend(policy);
            row.extend([ok.as_str(), failed.as_str(), "", "", "", "", "", "", ""]);
            push_row(&mut out, &row);
            for fd in p.details() {
                let n = fd.count().to_string();
                let mut row = vec!["failure"];
                row.extend(head);
                row.extend(policy);
                row.extend(["", "", fd.result()]);
                for v in [
                    &fd.sending_mta_ip,
                    &fd.receiving_mx_hostname,
                    &fd.receiving_ip,
                ] {
                    row.push(v.as_deref().unwrap_or(""));
                }
                row.push(&n);
                row.push(fd.failure_reason_code.as_deref().unwrap_or(""));
                row.push(fd.additional_information.as_deref().unwrap_or(""));
                push_row(&mut out, &row);
            }
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[&str]) {
    let joined: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&joined.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_table() {
        for (input, want) in [
            ("a", "a"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=cmd()", "'=cmd()"),
            ("-1", "-1"),
            ("@x", "'@x"),
        ] {
            assert_eq!(cell(input), want, "{input}");
        }
    }
}
