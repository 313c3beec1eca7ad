//! DNS-over-HTTPS answers (RFC 8484 wire format, from any resolver) never panic and become well-formed facts:
//! MX hosts are non-empty lower-case names; a malformed message is a failure, not a crash.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::check::Dns;
use mtasts_core::doh::{answer, Kind};

fuzz_target!(|data: &[u8]| {
    for (name, kind) in [("_mta-sts.example.com", Kind::Txt), ("example.com", Kind::Mx)] {
        let a = answer(name, kind, data);
        if let (Dns::Records(hosts), Kind::Mx) = (&a.dns, kind) {
            for h in hosts {
                assert!(!h.is_empty() && *h == h.to_ascii_lowercase(), "{h:?}");
            }
        }
    }
});
