//! Facts as JSON (the worker's `/api/check` answer, read back by any client) never panic: whatever deserializes
//! is judged, rendered in every language and serialized again to the same facts.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::check::{judge, Facts};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::output::CheckAnswer;

fuzz_target!(|data: &[u8]| {
    let Ok(facts) = serde_json::from_slice::<Facts>(data) else { return };
    let v = judge(&facts);
    for lang in Lang::ALL {
        let answer = CheckAnswer::new(&facts, &v, &Catalog::get(*lang));
        let _ = serde_json::to_vec(&answer).expect("serializable");
    }
    let again: Facts = serde_json::from_slice(&serde_json::to_vec(&facts).expect("json")).expect("round trip");
    assert_eq!(again, facts);
});
