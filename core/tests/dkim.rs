//! DKIM verification (RFC 6376, as RFC 8460 §3 requires for mailed reports) against signatures made by another
//! implementation: `tests/dkim/dkimpy-*.eml` were signed by dkimpy (`dkim.sign`, Python) with the testbed's
//! test key in each canonicalization pair, over a message with folded headers and odd white space in the body.

use mtasts_core::dkim::{self, Verdict};

const KEY: &str = include_str!("../rules/dkim-test-key.txt");

fn keys(name: &str) -> Option<Vec<String>> {
    (name == "mtasts-test._domainkey.sender.example").then(|| vec![KEY.to_owned()])
}

fn judge(msg: &[u8]) -> Verdict {
    dkim::judge(msg, &keys)
}

#[test]
fn signatures_by_another_implementation_verify_in_every_canonicalization() {
    for c in [
        "simple-simple",
        "relaxed-simple",
        "simple-relaxed",
        "relaxed-relaxed",
    ] {
        let path = format!("{}/tests/dkim/dkimpy-{c}.eml", env!("CARGO_MANIFEST_DIR"));
        let msg = std::fs::read(&path).expect(&path);
        assert_eq!(
            judge(&msg),
            Verdict::Pass {
                domain: "sender.example".into()
            },
            "{c}"
        );
        // the same message with LF line ends (as a file on disk or a local test delivers it) still verifies
        let lf: Vec<u8> = String::from_utf8_lossy(&msg)
            .replace("\r\n", "\n")
            .into_bytes();
        assert!(matches!(judge(&lf), Verdict::Pass { .. }), "{c} with LF");
        // one changed count in the report breaks it
        let tampered = String::from_utf8_lossy(&msg).replace(
            "\"total-successful-session-count\": 120",
            "\"total-successful-session-count\": 121",
        );
        match judge(tampered.as_bytes()) {
            Verdict::Fail(d) => assert_eq!(d.code.name(), "dkim/invalid", "{c}"),
            v => panic!("{c}: tampered body passed: {v:?}"),
        }
        // a changed signed header breaks it too
        let tampered = String::from_utf8_lossy(&msg)
            .replace("To: tlsrpt@example.com", "To: someone@example.com");
        assert!(
            matches!(judge(tampered.as_bytes()), Verdict::Fail(_)),
            "{c}: header"
        );
    }
}

/// The key record's service types (RFC 6376 §3.6.1 `s=`; RFC 8460 §3 suggests `tlsrpt`), and a revoked key.
#[test]
fn key_record_table() {
    let msg = std::fs::read(format!(
        "{}/rules/report-signed.eml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("signed");
    let p = KEY.split("p=").nth(1).expect("p=");
    for (record, passes) in [
        (format!("v=DKIM1; k=rsa; p={p}"), true),
        (format!("v=DKIM1; k=rsa; s=tlsrpt; p={p}"), true),
        (format!("v=DKIM1; k=rsa; s=email:tlsrpt; p={p}"), true),
        (format!("v=DKIM1; k=rsa; s=*; p={p}"), true),
        (format!("k=rsa; p={p}"), true),
        (format!("v=DKIM1; k=rsa; s=other; p={p}"), false),
        (format!("v=DKIM1; k=ed25519; p={p}"), false),
        ("v=DKIM1; k=rsa; p=".to_owned(), false),
        ("v=DKIM1; k=rsa; p=not base64!".to_owned(), false),
        ("v=spf1 -all".to_owned(), false),
    ] {
        let got = dkim::judge(&msg, &|_| Some(vec![record.clone()]));
        assert_eq!(
            matches!(got, Verdict::Pass { .. }),
            passes,
            "{record}: {got:?}"
        );
    }
    // no answer from DNS: not verified (and no panic)
    assert!(matches!(dkim::judge(&msg, &|_| None), Verdict::Fail(_)));
}
