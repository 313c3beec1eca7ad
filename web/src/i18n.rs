//! UI text from the shared Fluent catalogs (`core/locales/*.ftl`, ids `ui--…`), so the web app, the CLI and the
//! diagnostics speak the same words.

use mtasts_core::i18n::Catalog;

/// The UI text for `id`.
pub fn t(id: &str) -> String {
    Catalog::english().render(id, &[])
}

/// The UI text for `id` with named arguments.
pub fn tr(id: &str, args: &[(&'static str, String)]) -> String {
    Catalog::english().render(id, args)
}

/// The catalog in use.
pub fn catalog() -> Catalog {
    Catalog::english()
}
