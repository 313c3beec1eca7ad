//! Sessions per day as an SVG bar chart (successful and failed stacked), drawn by hand: a few dozen lines cost
//! less wasm than a charting crate (plotters adds ~63 KB gzip) and need no fonts measured through the DOM.
//! Failures are usually a sliver of the total, so a second strip shows the failure rate per day on its own scale.

use crate::i18n::tr;
use mtasts_core::report::aggregate::Bucket;
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

/// The chart.
#[function_component(DayChart)]
pub fn day_chart(p: &DayChartProps) -> Html {
    let days: Vec<&Bucket> = p.days.iter().filter(|d| !d.key.is_empty()).collect();
    if days.is_empty() {
        return html! {};
    }
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
    let n = days.len() as f64;
    let slot = (W - PAD_L) / n;
    let bar = (slot * 0.8).max(1.0);
    let plot_h = H - PAD_B;
    let label_every = (days.len() / 8).max(1);
    html! {
        <figure class="chart" id="day-chart">
            <svg viewBox={format!("0 0 {W} {}", H + RATE_H + 10.0)} role="img" aria-label={tr("ui--chart-label", &[("days", days.len().to_string())])}>
                <line class="axis" x1={PAD_L.to_string()} y1={plot_h.to_string()} x2={W.to_string()} y2={plot_h.to_string()} />
                <text class="tick" x={(PAD_L - 6.0).to_string()} y="12" text-anchor="end">{ crate::util::num(max as u64) }</text>
                <text class="tick" x={(PAD_L - 6.0).to_string()} y={plot_h.to_string()} text-anchor="end">{ "0" }</text>
                { for days.iter().enumerate().map(|(i, d)| {
                    let x = PAD_L + i as f64 * slot + (slot - bar) / 2.0;
                    let total = (d.successful + d.failed) as f64;
                    let h_total = total / max * (plot_h - 16.0);
                    let h_fail = if d.failed > 0 { (d.failed as f64 / max * (plot_h - 16.0)).max(2.0) } else { 0.0 };
                    let h_ok = (h_total - h_fail).max(0.0);
                    let tip = tr("ui--chart-tip", &[("day", d.key.clone()), ("ok", d.successful.to_string()), ("failed", d.failed.to_string())]);
                    let r = rate(d);
                    let rh = r / max_rate * (RATE_H - 8.0);
                    html! {
                        <g>
                            <title>{ tip }</title>
                            <rect class="ok" x={x.to_string()} y={(plot_h - h_total).to_string()} width={bar.to_string()} height={h_ok.to_string()} />
                            <rect class="fail" x={x.to_string()} y={(plot_h - h_fail).to_string()} width={bar.to_string()} height={h_fail.to_string()} />
                            <rect class="rate" x={x.to_string()} y={(H + RATE_H - rh).to_string()} width={bar.to_string()} height={rh.to_string()} />
                            { if i % label_every == 0 { html! { <text class="tick" x={(x + bar / 2.0).to_string()} y={(H - 6.0).to_string()} text-anchor="middle">{ d.key.get(5..).unwrap_or(&d.key).to_owned() }</text> } } else { html! {} } }
                        </g>
                    }
                }) }
                <text class="tick" x={(PAD_L - 6.0).to_string()} y={(H + 16.0).to_string()} text-anchor="end">{ format!("{:.1}%", max_rate * 100.0) }</text>
            </svg>
            <figcaption>
                <span class="key ok"></span>{ tr("ui--legend-ok", &[]) }
                <span class="key fail"></span>{ tr("ui--legend-failed", &[]) }
                <span class="key rate"></span>{ tr("ui--legend-rate", &[]) }
            </figcaption>
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
