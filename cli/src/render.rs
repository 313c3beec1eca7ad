//! Rendering diagnostics for people (rustc style: the line quoted, a caret under the span) and for scripts (JSON).

use mtasts_core::diag::{Diagnostic, LineIndex, Severity};
use mtasts_core::i18n::Catalog;
use std::fmt::Write;

/// Style of errors.
pub const ERR: anstyle::Style = anstyle::AnsiColor::Red.on_default().bold();
/// Style of warnings.
pub const WARN: anstyle::Style = anstyle::AnsiColor::Yellow.on_default().bold();
/// Style of infos.
pub const INFO: anstyle::Style = anstyle::AnsiColor::Cyan.on_default().bold();
/// Style of gutters and arrows.
pub const DIM: anstyle::Style = anstyle::AnsiColor::Blue.on_default().bold();
/// Style of headings.
pub const BOLD: anstyle::Style = anstyle::Style::new().bold();
/// Style of good news.
pub const OK: anstyle::Style = anstyle::AnsiColor::Green.on_default().bold();

fn style(s: Severity) -> anstyle::Style {
    match s {
        Severity::Error => ERR,
        Severity::Warning => WARN,
        Severity::Info => INFO,
    }
}

pub use mtasts_core::output::json_diagnostics;

/// Renders diagnostics rustc-style. `text` is the input the spans point into (`None` for reports).
pub fn human(name: &str, text: Option<&str>, diags: &[Diagnostic], cat: &Catalog) -> String {
    let mut out = String::new();
    let idx = text.map(LineIndex::new);
    for d in diags {
        let st = style(d.severity());
        let _ = writeln!(
            out,
            "{}{}[{}]{}: {}{}{}",
            st.render(),
            cat.render(&format!("ui--severity-{}", d.severity().as_str()), &[]),
            d.code,
            st.render_reset(),
            BOLD.render(),
            cat.message(d),
            BOLD.render_reset()
        );
        let dim = (DIM.render(), DIM.render_reset());
        match (&idx, text) {
            (Some(i), Some(t)) if !t.is_empty() => {
                let lc = i.line_col(d.span.start);
                let _ = writeln!(
                    out,
                    "  {}-->{} {name}:{}:{}",
                    dim.0, dim.1, lc.line, lc.column
                );
                let line_text = i.line_text(lc.line);
                let gutter = lc.line.to_string();
                let pad = " ".repeat(gutter.len());
                let shown: String = line_text
                    .chars()
                    .map(|c| if c.is_control() { '·' } else { c })
                    .collect();
                let _ = writeln!(out, "{pad} {}|{}", dim.0, dim.1);
                let _ = writeln!(out, "{}{gutter} |{} {shown}", dim.0, dim.1);
                let end = i.line_col(d.span.end);
                let width = if end.line == lc.line {
                    end.column.saturating_sub(lc.column).max(1)
                } else {
                    line_text
                        .chars()
                        .count()
                        .saturating_sub(lc.column - 1)
                        .max(1)
                };
                let _ = writeln!(
                    out,
                    "{pad} {}|{} {}{}{}{}",
                    dim.0,
                    dim.1,
                    " ".repeat(lc.column - 1),
                    st.render(),
                    "^".repeat(width),
                    st.render_reset()
                );
            }
            _ => {
                let field = d
                    .get("field")
                    .map(|f| format!(" ({f})"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {}-->{} {name}{field}", dim.0, dim.1);
            }
        }
        if let Some(fix) = cat.fix(d) {
            let _ = writeln!(
                out,
                "   {}= {}{} {fix}",
                dim.0,
                cat.render("ui--fix", &[]),
                dim.1
            );
        }
        // the rule's page, in the terminal: `mtasts explain CODE` (the site has the same at /rules/CODE)
        let _ = writeln!(
            out,
            "   {}= {}:{} {} · mtasts explain {}",
            dim.0,
            cat.render("cli--see", &[]),
            dim.1,
            d.code.rfc(),
            d.code.name()
        );
        out.push('\n');
    }
    out
}

/// "1 error, 2 warnings" style counts.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize, usize) {
    let n = |s| diags.iter().filter(|d| d.severity() == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

/// The final verdict line of a lint.
pub fn verdict(name: &str, diags: &[Diagnostic], cat: &Catalog) -> String {
    let (e, w, i) = counts(diags);
    let (st, word) = if e > 0 {
        (ERR, "ui--invalid")
    } else {
        (OK, "ui--valid")
    };
    let n = [
        ("errors", e.to_string()),
        ("warnings", w.to_string()),
        ("infos", i.to_string()),
    ];
    let counts = cat.render("ui--counts", &n);
    format!(
        "{}{name}: {}{} ({counts})\n",
        st.render(),
        cat.render(word, &[]),
        st.render_reset()
    )
}
