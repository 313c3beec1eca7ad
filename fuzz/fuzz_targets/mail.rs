//! The e-mail path of both transports: any bytes as a report e-mail (many parts, nesting, broken MIME) decode
//! or are refused without panicking, with the per-message caps holding; the DKIM check (RFC 8460 §3) judges any
//! message against any key record without panicking, and never passes a message whose signature is junk.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::dkim::{self, Verdict};
use mtasts_core::report::{self, decode::MAX_REPORT_PARTS, Limits};

fuzz_target!(|data: &[u8]| {
    // as received: sniffed as an e-mail when it looks like one, and as a MIME body otherwise
    let mut mail = b"From: r@reporter.test\r\nMIME-Version: 1.0\r\n".to_vec();
    mail.extend_from_slice(data);
    let limits = Limits { max_input: 1 << 20, max_inflated: 1 << 20 };
    for bytes in [data, &mail[..]] {
        if let Ok(loaded) = report::load(bytes, limits) {
            assert!(loaded.len() <= MAX_REPORT_PARTS);
        }
        let _ = dkim::key_queries(bytes);
        // a key record that is not a key: nothing can pass
        let v = dkim::judge(bytes, &|_| Some(vec!["v=DKIM1; k=rsa; p=AAAA".to_owned()]));
        assert!(matches!(v, Verdict::Fail(_)));
        let _ = dkim::judge(bytes, &|_| None);
    }
});
