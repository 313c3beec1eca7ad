//! Tells the browser tests where the shared corpus is: `MTASTS_CORPUS` when set (as every other test honours
//! it), else `../shared/corpus` beside the repository. The wasm tests cannot read files at run time, so they
//! include the corpus files they need at compile time from this directory.

fn main() {
    println!("cargo:rerun-if-env-changed=MTASTS_CORPUS");
    let dir = std::env::var("MTASTS_CORPUS")
        .unwrap_or_else(|_| format!("{}/../../shared/corpus", env!("CARGO_MANIFEST_DIR")));
    println!("cargo:rustc-env=MTASTS_CORPUS_DIR={dir}");
}
