//! Sessions per day as an SVG bar chart (successful and failed stacked), drawn by hand: a few dozen lines cost
//! less wasm than a charting crate (plotters adds ~63 KB gzip) and need no fonts measured through the DOM.
//! Failures are usually a sliver of the total, so a second strip shows the failure rate per day on its own scale,
//! from a zero line. The axis is a calendar (core's `report::time::calendar`): a day without reports is a gap,
//! a long run of them one marked break, and a tick carries the year where it changes. Every day is reachable by
//! keyboard (Tab), touch and mouse, and its values are written under the chart, not only in a tooltip.

use crate::i18n::{t, tr};
use mtasts_core::report::aggregate::Bucket;
use mtasts_core::report::time::{calendar, Slot};
use yew::prelude::*;

/// Props of [`DayChart`].
#[derive(Properties, PartialEq)]
pub struct DayChartProps {
    /// One bucket per day, in date order.
    pub days: Vec<Bucket>,
}

const W: f64 = 720.0;
const H: f64 = 180.0;
const RATE_H: f64 = 60.0;
const PAD_L: f64 = 48.0;
const PAD_B: f64 = 22.0;
/// Empty days in a row drawn one by one; a longer run is one break.
const MAX_GAP: u32 = 14;

/// The tick text of a day: `MM-DD`, with the year where it is the first tick or the year changed.
fn tick_text(day: &str, last_year: &mut Option<String>) -> String {
    let year = day.get(..4).map(str::to_owned);
    if year != *last_year {
        *last_year = year;
        day.to_owned()
    } else {
        day.get(5..).unwrap_or(day).to_owned()
    }
}

/// The chart.
#[function_component(DayChart)]
pub fn day_chart(p: &DayChartProps) -> Html {
    let selected = use_state(|| None::<usize>);
    let days: Vec<&Bucket> = p.days.iter().filter(|d| !d.key.is_empty()).collect();
    if days.is_empty() {
        return html! {};
    }
    let keys: Vec<&str> = days.iter().map(|d| d.key.as_str()).collect();
    let slots = calendar(&keys, MAX_GAP);
    let max = days
        .iter()
        .map(|d| d.successful + d.failed)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max_rate = days
        .iter()
        .map(|d| rate(d))
        .fold(0.0f64, f64::max)
        .max(0.0001);
    let slot = (W - PAD_L) / slots.len() as f64;
    let bar = (slot * 0.8).max(1.0);
    let plot_h = H - PAD_B;
    let label_every = (slots.len() / 7).max(1);
    let tip = |d: &Bucket| {
        tr(
            "ui--chart-tip",
            &[
                ("day", d.key.clone()),
                ("ok", d.successful.to_string()),
                ("failed", d.failed.to_string()),
            ],
        )
    };
    let mut last_year = None;
    let zero = H + RATE_H;
    html! {
        <figure class="chart" id="day-chart">
            <svg viewBox={format!("0 0 {W} {}", H + RATE_H + 10.0)} role="group" aria-label={tr("ui--chart-label", &[("days", days.len().to_string())])}>
                <line class="axis" x1={PAD_L.to_string()} y1={plot_h.to_string()} x2={W.to_string()} y2={plot_h.to_string()} />
                <line class="axis zero" x1={PAD_L.to_string()} y1={zero.to_string()} x2={W.to_string()} y2={zero.to_string()} />
                <text class="tick" x={(PAD_L - 6.0).to_string()} y="12" text-anchor="end">{ crate::util::num(max as u64) }</text>
                <text class="tick" x={(PAD_L - 6.0).to_string()} y={plot_h.to_string()} text-anchor="end">{ "0" }</text>
                <text class="tick" x={(PAD_L - 6.0).to_string()} y={(H + 16.0).to_string()} text-anchor="end">{ format!("{:.1}%", max_rate * 100.0) }</text>
                <text class="tick" x={(PAD_L - 6.0).to_string()} y={zero.to_string()} text-anchor="end">{ "0%" }</text>
                { for slots.iter().enumerate().map(|(i, s)| {
                    let x = PAD_L + i as f64 * slot + (slot - bar) / 2.0;
                    let label = |text: String| html! {
                        <text class="tick" x={(x + bar / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ text }</text>
                    };
                    match s {
                        Slot::Day(k) => {
                            let Some(d) = days.get(*k) else { return html! {} };
                            let total = (d.successful + d.failed) as f64;
                            let h_total = total / max * (plot_h - 16.0);
                            let h_fail = if d.failed > 0 { (d.failed as f64 / max * (plot_h - 16.0)).max(2.0) } else { 0.0 };
                            let h_ok = (h_total - h_fail).max(0.0);
                            let rh = rate(d) / max_rate * (RATE_H - 8.0);
                            let pick = {
                                let selected = selected.clone();
                                let k = *k;
                                Callback::from(move |_| selected.set(Some(k)))
                            };
                            let focus = { let pick = pick.clone(); Callback::from(move |_: FocusEvent| pick.emit(())) };
                            let hover = { let pick = pick.clone(); Callback::from(move |_: MouseEvent| pick.emit(())) };
                            let click = Callback::from(move |_: MouseEvent| pick.emit(()));
                            let sel = *selected == Some(*k);
                            html! {
                                <g class={classes!("day", sel.then_some("selected"))} tabindex="0" role="img" aria-label={tip(d)} data-day={d.key.clone()}
                                    onfocus={focus} onmouseenter={hover} onclick={click}>
                                    <title>{ tip(d) }</title>
                                    // the whole column takes the pointer, so a thin bar is easy to touch
                                    <rect class="hit" x={(x - (slot - bar) / 2.0).to_string()} y="0" width={slot.to_string()} height={zero.to_string()} />
                                    <rect class="ok" x={x.to_string()} y={(plot_h - h_total).to_string()} width={bar.to_string()} height={h_ok.to_string()} />
                                    <rect class="fail" x={x.to_string()} y={(plot_h - h_fail).to_string()} width={bar.to_string()} height={h_fail.to_string()} />
                                    <rect class="rate" x={x.to_string()} y={(zero - rh).to_string()} width={bar.to_string()} height={rh.to_string()} />
                                    { if i % label_every == 0 { label(tick_text(&d.key, &mut last_year)) } else { html! {} } }
                                </g>
                            }
                        }
                        Slot::Empty(day) => {
                            let tick = if i % label_every == 0 { label(tick_text(day, &mut last_year)) } else { html! {} };
                            html! { <g class="gap" data-day={day.clone()}>{ tick }</g> }
                        }
                        Slot::Break { from, to, days: n } => html! {
                            <g class="break" data-from={from.clone()} data-to={to.clone()}>
                                <title>{ tr("ui--chart-break", &[("days", n.to_string()), ("from", from.clone()), ("to", to.clone())]) }</title>
                                <text class="tick break-mark" x={(x + bar / 2.0).to_string()} y={(plot_h / 2.0).to_string()} text-anchor="middle">{ "⋯" }</text>
                            </g>
                        },
                    }
                }) }
            </svg>
            <figcaption>
                <span class="key ok"></span>{ tr("ui--legend-ok", &[]) }
                <span class="key fail"></span>{ tr("ui--legend-failed", &[]) }
                <span class="key rate"></span>{ tr("ui--legend-rate", &[]) }
            </figcaption>
            <p class="chart-readout" id="chart-readout" aria-live="polite">
                { match selected.and_then(|k| days.get(k)) {
                    Some(d) => tip(d),
                    None => t("ui--chart-hint"),
                } }
            </p>
        </figure>
    }
}

fn rate(d: &Bucket) -> f64 {
    let t = d.successful + d.failed;
    if t == 0 {
        0.0
    } else {
        d.failed as f64 / t as f64
    }
}
