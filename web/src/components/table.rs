//! A sortable table: click a column header to sort by it, again to reverse. Cells are text (never HTML).

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

/// The table.
#[function_component(SortTable)]
pub fn sort_table(p: &SortTableProps) -> Html {
    let sort = use_state(|| p.initial);
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
    let rows: Vec<&Vec<Cell>> = order.into_iter().filter_map(|i| p.rows.get(i)).collect();
    let total = rows.len();
    html! {
        <div class="table-wrap">
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
            { for rows.iter().take(p.limit).map(|r| html! {
                <tr>{ for r.iter().zip(&p.headers).map(|(c, h)| match c {
                    // `data-label`: the column's name, shown beside each value where a narrow screen stacks the row
                    Cell::Text(s) => html! { <td data-label={h.clone()}>{ s.clone() }</td> },
                    Cell::Num(n) => html! { <td class="num nowrap" data-label={h.clone()}>{ crate::util::num(*n) }</td> },
                    Cell::Link(s) if s.starts_with("https://") => html! { <td data-label={h.clone()}><a href={s.clone()} target="_blank" rel="noopener noreferrer nofollow">{ s.clone() }</a></td> },
                    Cell::Link(s) => html! { <td data-label={h.clone()}>{ s.clone() }</td> },
                }) }</tr>
            }) }
            </tbody>
        </table>
        { if total > p.limit { html! { <p class="muted">{ crate::i18n::tr("ui--rows-shown", &[("shown", p.limit.to_string()), ("total", total.to_string())]) }</p> } } else { html! {} } }
        </div>
    }
}
