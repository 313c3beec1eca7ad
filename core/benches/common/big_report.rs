// The big synthetic report both benchmarks parse (included with `include!`, so there is one copy).

/// A report of `policies` policy entries with `details` failure details each (~26 MB for 1,000 × 100).
fn big_report(policies: usize, details: usize) -> String {
    let mut s = String::from(
        r#"{"organization-name":"Big Sender Inc.","date-range":{"start-datetime":"2026-01-01T00:00:00Z","end-datetime":"2026-01-01T23:59:59Z"},"contact-info":"tlsrpt@big.example","report-id":"big-1","policies":["#,
    );
    for p in 0..policies {
        if p > 0 {
            s.push(',');
        }
        s.push_str(&format!(r#"{{"policy":{{"policy-type":"sts","policy-string":["version: STSv1","mode: enforce","mx: *.d{p}.example","max_age: 604800"],"policy-domain":"d{p}.example","mx-host":["*.d{p}.example"]}},"summary":{{"total-successful-session-count":{},"total-failure-session-count":{details}}},"failure-details":["#, p * 10));
        for d in 0..details {
            if d > 0 {
                s.push(',');
            }
            s.push_str(&format!(r#"{{"result-type":"certificate-expired","sending-mta-ip":"2001:db8:{p:x}::{d:x}","receiving-mx-hostname":"mx{d}.d{p}.example","receiving-ip":"203.0.113.{}","failed-session-count":1,"additional-information":"https://reports.big.example/info?id={p}-{d}","failure-reason-code":"X509_V_ERR_CERT_HAS_EXPIRED"}}"#, d % 250));
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s
}
