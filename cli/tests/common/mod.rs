//! What the CLI's mailbox and IMAP tests share: the corpus and its report e-mails.

use std::path::PathBuf;

/// The shared corpus (`MTASTS_CORPUS`, else `../shared/corpus`).
pub fn corpus() -> PathBuf {
    std::env::var_os("MTASTS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

/// The corpus's report e-mails, in name order.
pub fn corpus_mails() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus().join("reports/real"))
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    v.sort();
    assert!(v.len() >= 4, "the corpus has report e-mails");
    v
}
