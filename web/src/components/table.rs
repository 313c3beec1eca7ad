//! A sortable table: click a column header to sort by it, again to reverse. Long tables show their top rows with
//! "show all" and a filter box; a very long value (a hostile 5 MB organization name) is cut on screen with the
//! whole value one click away, so it never freezes the page. Cells are text (never HTML).

use mtasts_core::report::aggregate::positions_in_order;
use yew::prelude::*;

/// One cell: shown text and a sort key (numbers sort numerically).
#[derive(Clone, PartialEq)]
pub enum Cell {
    /// Text, sorted alphabetically.
    Text(String),
    /// A number, shown with separators.
    Num(u64),
    /// A link (only `https:` URLs become links; anything else is shown as text).
    Link(String),
}

/// Props of [`SortTable`].
#[derive(Properties, PartialEq)]
pub struct SortTableProps {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// The initial sort column and whether it is descending.
    #[prop_or((1, true))]
    pub initial: (usize, bool),
    /// Show at most this many rows (the rest is in the export).
    #[prop_or(200)]
    pub limit: usize,
    /// Rows shown before "show all".
    #[prop_or(10)]
    pub top: usize,
    /// Caption.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    /// Element id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

fn key_cmp(a: &Cell, b: &Cell) -> std::cmp::Ordering {
    match (a, b) {
        (Cell::Num(x), Cell::Num(y)) => x.cmp(y),
        (Cell::Text(x) | Cell::Link(x), Cell::Text(y) | Cell::Link(y)) => {
            x.to_lowercase().cmp(&y.to_lowercase())
        }
        (Cell::Num(_), _) => std::cmp::Ordering::Less,
        (_, Cell::Num(_)) => std::cmp::Ordering::Greater,
    }
}

/// Characters of a value shown before it is cut (the rest behind a disclosure).
const LONG: usize = 100;

/// A text cell's content: as it is, or its first [`LONG`] characters with the whole value in a closed
/// `<details>` (not laid out until opened).
fn text(s: &str) -> Html {
    match crate::util::cut(s, LONG) {
        None => html! { { s.to_owned() } },
        Some(start) => html! {
            <details class="long"><summary>{ format!("{start}…") }</summary>
                <span class="muted">{ crate::i18n::tr("ui--long-value", &[("chars", crate::util::num(s.chars().count() as u64))]) }</span>
                <div class="full">{ s.to_owned() }</div></details>
        },
    }
}

/// True when a text cell of `row` contains `q` (lower case).
fn matches(row: &[Cell], q: &str) -> bool {
    row.iter().any(|c| match c {
        Cell::Text(s) | Cell::Link(s) => s.to_lowercase().contains(q),
        Cell::Num(_) => false,
    })
}

/// The table.
#[function_component(SortTable)]
pub fn sort_table(p: &SortTableProps) -> Html {
    let sort = use_state(|| p.initial);
    let all = use_state(|| false);
    let query = use_state(String::new);
    let (col, desc) = *sort;
    // core's one sort (stable): a sort of our own here would be another copy of the sort code in the wasm
    let order = positions_in_order(p.rows.len(), None, &|a, b| {
        let o = match (p.rows[a].get(col), p.rows[b].get(col)) {
            (Some(x), Some(y)) => key_cmp(x, y),
            _ => std::cmp::Ordering::Equal,
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    let q = query.trim().to_lowercase();
    let rows: Vec<&Vec<Cell>> = order
        .into_iter()
        .filter_map(|i| p.rows.get(i))
        .filter(|r| q.is_empty() || matches(r, &q))
        .collect();
    let total = rows.len();
    let long = p.rows.len() > p.top;
    let shown = if *all || !q.is_empty() {
        p.limit
    } else {
        p.top.min(p.limit)
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let toggle = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    let label = p.caption.clone().map_or_else(
        || crate::i18n::t("ui--filter"),
        |c| crate::i18n::tr("ui--filter-of", &[("table", c.to_string())]),
    );
    html! {
        <div class="table-wrap">
        { if long { html! {
            <input type="search" class="input filter" placeholder={crate::i18n::t("ui--filter")} aria-label={label}
                value={(*query).clone()} {oninput} />
        } } else { html! {} } }
        <table class="data" id={p.id.clone()}>
            { for p.caption.clone().map(|c| html! { <caption>{ c }</caption> }) }
            <thead><tr>
            { for p.headers.iter().enumerate().map(|(i, h)| {
                let sort = sort.clone();
                let onclick = Callback::from(move |_| {
                    let (c, d) = *sort;
                    sort.set(if c == i { (i, !d) } else { (i, i != 0) });
                });
                let aria = if i == col { if desc { "descending" } else { "ascending" } } else { "none" };
                html! { <th aria-sort={aria}><button type="button" class="th" {onclick}>{ h.clone() }{ if i == col { if desc { " ↓" } else { " ↑" } } else { "" } }</button></th> }
            }) }
            </tr></thead>
            <tbody>
            { for rows.iter().take(shown).map(|r| html! {
                <tr>{ for r.iter().zip(&p.headers).map(|(c, h)| match c {
                    // `data-label`: the column's name, shown beside each value where a narrow screen stacks the row
                    Cell::Text(s) => html! { <td data-label={h.clone()}>{ text(s) }</td> },
                    Cell::Num(n) => html! { <td class="num nowrap" data-label={h.clone()}>{ crate::util::num(*n) }</td> },
                    Cell::Link(s) if s.starts_with("https://") && s.len() <= 2 * LONG => html! { <td data-label={h.clone()}><a href={s.clone()} target="_blank" rel="noopener noreferrer nofollow">{ s.clone() }</a></td> },
                    Cell::Link(s) => html! { <td data-label={h.clone()}>{ text(s) }</td> },
                }) }</tr>
            }) }
            </tbody>
        </table>
        <p class="table-foot muted">
            { if total > shown { crate::i18n::tr("ui--rows-shown", &[("shown", shown.to_string()), ("total", total.to_string())]) } else { String::new() } }
            { if long && q.is_empty() && (p.rows.len() > shown || *all) { html! {
                <>{ " " }<button type="button" class="link show-all" onclick={toggle} aria-expanded={(*all).to_string()}>
                    { if *all { crate::i18n::tr("ui--show-top", &[("n", p.top.to_string())]) } else { crate::i18n::tr("ui--show-all", &[("n", p.rows.len().min(p.limit).to_string())]) } }
                </button></>
            } } else { html! {} } }
        </p>
        </div>
    }
}
