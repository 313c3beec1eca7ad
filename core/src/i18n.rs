//! Message catalogs (Project Fluent): the human text of every diagnostic, rendered from its code and arguments.
//!
//! One `.ftl` file per language under `core/locales/`, shared by the CLI, the worker and the web app. A message id
//! is the diagnostic code with `/` written as `--`; the `.fix` attribute is the suggested fix.

use crate::diag::Diagnostic;
pub use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentBundle, FluentResource};
use std::cell::OnceCell;
use std::rc::Rc;

/// Languages the product speaks: those of the Workspace guide it follows, and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the reference catalog.
    En,
    /// Italian.
    It,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Japanese.
    Ja,
}

impl Lang {
    /// All languages, reference first.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::It, Lang::Es, Lang::De, Lang::Ja];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::It => "Italiano",
            Lang::Es => "Español",
            Lang::De => "Deutsch",
            Lang::Ja => "日本語",
        }
    }

    /// The catalog source built into this binary: every language with the default `all-locales` feature, none
    /// without it (the web app fetches the ones it needs, English included, see [`Catalog::install`]: built in,
    /// the catalogs would cost its wasm budget 8 KB gzip each).
    pub fn source(self) -> Option<&'static str> {
        match self {
            #[cfg(feature = "all-locales")]
            Lang::En => Some(include_str!("../locales/en.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::It => Some(include_str!("../locales/it.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::Es => Some(include_str!("../locales/es.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::De => Some(include_str!("../locales/de.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::Ja => Some(include_str!("../locales/ja.ftl")),
            #[cfg(not(feature = "all-locales"))]
            _ => None,
        }
    }

    /// The rule pages' catalog (`locales/rules/<tag>.ftl`: why each rule matters, the pages' labels), built in
    /// with `all-locales` for the CLI's `explain` and the worker's `/rules` pages; the web app never needs it.
    pub fn rules_source(self) -> Option<&'static str> {
        match self {
            #[cfg(feature = "all-locales")]
            Lang::En => Some(include_str!("../locales/rules/en.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::It => Some(include_str!("../locales/rules/it.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::Es => Some(include_str!("../locales/rules/es.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::De => Some(include_str!("../locales/rules/de.ftl")),
            #[cfg(feature = "all-locales")]
            Lang::Ja => Some(include_str!("../locales/rules/ja.ftl")),
            #[cfg(not(feature = "all-locales"))]
            _ => None,
        }
    }

    /// Position in [`Lang::ALL`] (the slot of its catalog).
    fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// The language of an answer: `lang=` when it names one we speak, else the first supported language of an
    /// `Accept-Language` header (RFC 9110 §12.5.4, by `q` weight), else English.
    pub fn negotiate(asked: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(l) = asked.and_then(Lang::from_tag) {
            return l;
        }
        let mut ranges: Vec<(u32, usize, Lang)> = accept_language
            .unwrap_or("")
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut it = part.split(';');
                let lang = Lang::from_tag(it.next()?.trim())?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some(((q * 1000.0) as u32, i, lang))
            })
            .collect();
        ranges.sort_by_key(|(q, i, _)| (std::cmp::Reverse(*q), *i));
        ranges.first().map_or(Lang::En, |r| r.2)
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

/// Arguments that are counts: passed to Fluent as numbers so plural selectors (`[one]`, `*[other]`) work.
/// Everything else stays text (an id such as `0012` must not lose its zeros).
const COUNT_ARGS: &[&str] = &[
    "count", "errors", "warnings", "infos", "len", "done", "total", "days", "details", "shown",
];

fn set_arg<'a>(args: &mut FluentArgs<'a>, name: &'a str, value: &'a str) {
    match value.parse::<u64>() {
        Ok(n) if COUNT_ARGS.contains(&name) => args.set(name, n),
        _ => args.set(name, value),
    }
}

/// A loaded catalog for one language.
#[derive(Clone)]
pub struct Catalog {
    bundle: Rc<FluentBundle<FluentResource>>,
}

thread_local! {
    static CATALOGS: [OnceCell<Catalog>; 5] = const { [const { OnceCell::new() }; 5] };
}

impl Catalog {
    /// Loads the catalog for `lang` from the binary, or English when it is not built in (and not installed).
    /// A syntax error in a catalog is a bug the catalog tests catch; here it only drops the broken entries.
    pub fn load(lang: Lang) -> Catalog {
        match lang.source() {
            Some(src) => Catalog::built_in(lang, src),
            None => Catalog::get(Lang::En),
        }
    }

    /// Parses a catalog from `.ftl` text (a built-in one, or one fetched at run time).
    pub fn from_source(lang: Lang, src: &str) -> Catalog {
        Catalog::from_sources(lang, &[src])
    }

    /// A built-in catalog: the messages `src` and, where built in, the rule pages' texts.
    fn built_in(lang: Lang, src: &str) -> Catalog {
        Catalog::from_sources(lang, &[src, lang.rules_source().unwrap_or_default()])
    }

    /// Parses a catalog from several `.ftl` texts (the messages, and where built in the rule pages' texts).
    fn from_sources(lang: Lang, srcs: &[&str]) -> Catalog {
        let langid = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        for src in srcs {
            let res =
                FluentResource::try_new((*src).to_owned()).unwrap_or_else(|(res, _errors)| res);
            // the files' ids are disjoint (the parity tests check); an error here would only be a duplicate id
            let _ = bundle.add_resource(res);
        }
        Catalog {
            bundle: Rc::new(bundle),
        }
    }

    /// Makes a catalog fetched at run time available to [`Catalog::get`] (the web app loads non-English
    /// catalogs on demand to keep its wasm small). A language already loaded keeps its catalog.
    pub fn install(lang: Lang, src: &str) {
        let i = lang.index();
        CATALOGS.with(|c| {
            let _ = c[i].set(Catalog::from_source(lang, src));
        });
    }

    /// True when `lang` can be rendered in its own words (built in, or installed).
    pub fn available(lang: Lang) -> bool {
        let i = lang.index();
        lang.source().is_some() || CATALOGS.with(|c| c[i].get().is_some())
    }

    /// The catalog for `lang`, parsed once per thread; English while `lang` is neither built in nor installed
    /// (and, before English is installed where it is not built in, an empty catalog: messages show their ids).
    pub fn get(lang: Lang) -> Catalog {
        let i = lang.index();
        if let Some(c) = CATALOGS.with(|c| c[i].get().cloned()) {
            return c;
        }
        match lang.source() {
            Some(src) => {
                CATALOGS.with(|c| c[i].get_or_init(|| Catalog::built_in(lang, src)).clone())
            }
            None if lang == Lang::En => Catalog::from_source(Lang::En, ""),
            None => Catalog::get(Lang::En),
        }
    }

    /// The English catalog, parsed once per thread.
    pub fn english() -> Catalog {
        Catalog::get(Lang::En)
    }

    fn args(d: &Diagnostic) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (k, v) in &d.args {
            set_arg(&mut args, k, v);
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

    /// Why the rule behind `code` matters for delivery (the rule pages' catalog); `None` where it is not built in.
    pub fn why(&self, code: crate::diag::Code) -> Option<String> {
        self.text(&format!("why--{}", message_id(code.name())), None, None)
    }

    /// Renders message `id` with named string arguments (rollout steps, UI text); the id itself when missing.
    pub fn render(&self, id: &str, args: &[(&'static str, String)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            set_arg(&mut fa, k, v);
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
            for src in [lang.source(), lang.rules_source()] {
                if let Err((_, errors)) =
                    FluentResource::try_new(src.unwrap_or_default().to_owned())
                {
                    panic!("{}: {errors:?}", lang.tag());
                }
            }
        }
    }

    #[test]
    fn negotiate_table() {
        for (asked, header, want) in [
            (Some("it"), Some("de"), Lang::It),
            (Some("xx"), Some("de-CH, en;q=0.5"), Lang::De),
            (None, Some("fr, ja;q=0.8, es;q=0.9"), Lang::Es),
            (None, Some("ja;q=0, de;q=0.1"), Lang::De),
            (None, Some("fr"), Lang::En),
            (None, None, Lang::En),
        ] {
            assert_eq!(Lang::negotiate(asked, header), want, "{asked:?} {header:?}");
        }
    }

    #[test]
    fn lang_from_tag() {
        for (tag, want) in [
            ("en_US.UTF-8", Some(Lang::En)),
            ("de-CH", Some(Lang::De)),
            ("ja_JP.UTF-8", Some(Lang::Ja)),
            ("es", Some(Lang::Es)),
            ("it-IT", Some(Lang::It)),
            ("xx", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
    }

    /// Each message of a catalog: id → (attributes, variables and references used anywhere in it).
    fn shape(src: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in src.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                if let Some((id, _)) = line.split_once(" =") {
                    current = Some(id.trim().to_owned());
                    out.insert(id.trim().to_owned(), std::collections::BTreeSet::new());
                }
            }
            let Some(id) = &current else { continue };
            let set = out.entry(id.clone()).or_default();
            if let Some(attr) = line.trim_start().strip_prefix('.') {
                set.insert(format!(".{}", attr.split(' ').next().unwrap_or("")));
            }
            for part in line.split('{').skip(1) {
                let inner = part.trim_start();
                let name: String = inner
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '$' || *c == '-' || *c == '_')
                    .collect();
                if !name.is_empty() {
                    set.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_language_has_every_id_with_the_same_placeholders() {
        let both = |l: Lang| {
            let mut m = shape(l.source().unwrap_or_default());
            let rules = shape(l.rules_source().unwrap_or_default());
            let overlap: Vec<_> = rules.keys().filter(|k| m.contains_key(*k)).collect();
            assert!(
                overlap.is_empty(),
                "{}: ids in both files {overlap:?}",
                l.tag()
            );
            m.extend(rules);
            m
        };
        let en = both(Lang::En);
        assert!(en.len() > 200);
        for lang in &Lang::ALL[1..] {
            let other = both(*lang);
            let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                lang.tag()
            );
            for (id, want) in &en {
                assert_eq!(
                    other.get(id),
                    Some(want),
                    "{}: placeholders or attributes of {id}",
                    lang.tag()
                );
            }
        }
    }

    /// Every code has its rule page's "why it matters" line, and the rule pages' labels exist.
    #[test]
    fn every_code_has_a_why() {
        for lang in Lang::ALL {
            let cat = Catalog::get(*lang);
            for c in Code::ALL {
                assert!(
                    cat.text(&format!("why--{}", message_id(c.name())), None, None)
                        .is_some_and(|t| t.len() > 10),
                    "{}: why--{}",
                    lang.tag(),
                    c.name()
                );
            }
        }
    }

    #[test]
    fn an_installed_catalog_is_used() {
        let r = std::thread::spawn(|| {
            Catalog::install(Lang::Ja, "ui--valid = OK!\n");
            (
                Catalog::available(Lang::Ja),
                Catalog::get(Lang::Ja).render("ui--valid", &[]),
            )
        })
        .join();
        assert_eq!(r.ok(), Some((true, "OK!".to_owned())));
    }

    #[test]
    fn translations_differ_from_english() {
        let en = Catalog::get(Lang::En);
        for lang in &Lang::ALL[1..] {
            let cat = Catalog::get(*lang);
            let d = crate::policy::lint(
                "version: STSv1\nmode: doubt\nmx: a.example.com\nmax_age: 86400\n",
            )
            .diagnostics;
            assert_ne!(cat.message(&d[0]), en.message(&d[0]), "{}", lang.tag());
            assert!(
                cat.fix(&d[0]).is_some_and(|f| f.contains("mode: testing")),
                "{}",
                lang.tag()
            );
        }
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
