//! Message catalogs (Project Fluent): the human text of every diagnostic, rendered from its code and arguments.
//!
//! One `.ftl` file per language under `core/locales/`, shared by the CLI, the worker and the web app. A message id
//! is the diagnostic code with `/` written as `--`; the `.fix` attribute is the suggested fix.

use crate::diag::Diagnostic;
pub use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentBundle, FluentResource};
use std::cell::OnceCell;
use std::rc::Rc;

/// Languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the reference catalog.
    En,
}

impl Lang {
    /// All languages, reference first.
    pub const ALL: &'static [Lang] = &[Lang::En];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The catalog source.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en.ftl"),
        }
    }

    /// Picks a language from a tag or locale string such as `de-CH`, `ja_JP.UTF-8`; `None` when unsupported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        Lang::ALL.iter().copied().find(|l| l.tag() == primary)
    }
}

/// The Fluent message id of a diagnostic code name.
pub fn message_id(code_name: &str) -> String {
    code_name.replace('/', "--")
}

/// A loaded catalog for one language.
#[derive(Clone)]
pub struct Catalog {
    bundle: Rc<FluentBundle<FluentResource>>,
}

thread_local! {
    static EN: OnceCell<Catalog> = const { OnceCell::new() };
}

impl Catalog {
    /// Loads the catalog for `lang`. The catalogs are part of the binary; a syntax error in one is a bug that
    /// the catalog tests catch, and here only drops the broken entries.
    pub fn load(lang: Lang) -> Catalog {
        let res =
            FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(res, _errors)| res);
        let langid = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        // Overrides cannot happen with one resource; errors here would only be duplicate ids.
        let _ = bundle.add_resource(res);
        Catalog {
            bundle: Rc::new(bundle),
        }
    }

    /// The English catalog, loaded once per thread.
    pub fn english() -> Catalog {
        EN.with(|c| c.get_or_init(|| Catalog::load(Lang::En)).clone())
    }

    fn args(d: &Diagnostic) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (k, v) in &d.args {
            args.set(*k, v.as_str());
        }
        args
    }

    /// Renders a message or attribute by id with string arguments; `None` when the id is missing.
    pub fn text(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<String> {
        let msg = self.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// The message of a diagnostic; falls back to the code name if the catalog lacks it.
    pub fn message(&self, d: &Diagnostic) -> String {
        let args = Self::args(d);
        self.text(&message_id(d.code.name()), None, Some(&args))
            .unwrap_or_else(|| d.code.name().to_owned())
    }

    /// The suggested fix of a diagnostic, if its code has one.
    pub fn fix(&self, d: &Diagnostic) -> Option<String> {
        let args = Self::args(d);
        self.text(&message_id(d.code.name()), Some("fix"), Some(&args))
    }

    /// Renders message `id` with named string arguments (rollout steps, UI text); the id itself when missing.
    pub fn render(&self, id: &str, args: &[(&'static str, String)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.as_str());
        }
        self.text(id, None, Some(&fa))
            .unwrap_or_else(|| id.to_owned())
    }

    /// True when the catalog has a message for `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn every_code_has_an_english_message() {
        let cat = Catalog::english();
        for c in Code::ALL {
            assert!(
                cat.has(&message_id(c.name())),
                "missing message for {}",
                c.name()
            );
        }
    }

    #[test]
    fn catalog_parses_without_errors() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = FluentResource::try_new(lang.source().to_owned()) {
                panic!("{}: {errors:?}", lang.tag());
            }
        }
    }

    #[test]
    fn lang_from_tag() {
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("xx"), None);
    }
}

#[cfg(test)]
mod ui_ids {
    use super::*;

    /// Every `"ui--…"` id the web app uses exists in the reference catalog.
    #[test]
    fn web_ui_ids_exist() {
        let cat = Catalog::english();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
        let mut stack = vec![dir];
        let mut missing = Vec::new();
        let mut seen = 0;
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let src = std::fs::read_to_string(&p).unwrap_or_default();
                    for part in src.split("\"ui--").skip(1) {
                        let id: String = part
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .collect();
                        seen += 1;
                        if !cat.has(&format!("ui--{id}")) {
                            missing.push(format!("ui--{id} ({})", p.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 50, "found only {seen} ids");
        assert!(missing.is_empty(), "missing: {missing:?}");
    }
}
