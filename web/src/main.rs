//! Entry point of the web app's wasm binary.

fn main() {
    mtasts_web::run();
}
