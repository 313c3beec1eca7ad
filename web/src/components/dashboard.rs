//! The report dashboard, shared by the drop viewer and the stored-reports page: totals, the chart, breakdowns
//! and the failure details. Everything in a report is untrusted and rendered as text.

use super::chart::DayChart;
use super::table::{Cell, SortTable};
use crate::i18n::{t, tr};
use crate::util::{num, pct};
use mtasts_core::report::aggregate::{Bucket, FailureBucket, PairBucket};
use mtasts_core::report::Summary;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Dashboard`].
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// The aggregation to show.
    pub summary: Rc<Summary>,
}

fn bucket_rows(b: &[Bucket]) -> Vec<Vec<Cell>> {
    b.iter()
        .map(|x| {
            let total = x.successful + x.failed;
            let rate = if total == 0 {
                "–".into()
            } else {
                pct(Some(x.successful as f64 / total as f64))
            };
            vec![
                Cell::Text(if x.key.is_empty() {
                    t("ui--not-given")
                } else {
                    x.key.clone()
                }),
                Cell::Num(x.reports),
                Cell::Num(x.successful),
                Cell::Num(x.failed),
                Cell::Text(rate),
            ]
        })
        .collect()
}

fn failure_rows(b: &[FailureBucket]) -> Vec<Vec<Cell>> {
    b.iter()
        .map(|x| {
            vec![
                Cell::Text(if x.key.is_empty() {
                    t("ui--not-given")
                } else {
                    x.key.clone()
                }),
                Cell::Num(x.failed),
            ]
        })
        .collect()
}

fn pair_rows(b: &[PairBucket]) -> Vec<Vec<Cell>> {
    b.iter()
        .map(|x| {
            let text = |s: &str| {
                Cell::Text(if s.is_empty() {
                    t("ui--not-given")
                } else {
                    s.to_owned()
                })
            };
            vec![text(&x.key), text(&x.second), Cell::Num(x.failed)]
        })
        .collect()
}

/// Totals, chart and tables.
#[function_component(Dashboard)]
pub fn dashboard(p: &DashboardProps) -> Html {
    let s = &p.summary;
    let bucket_headers = || {
        vec![
            t("ui--col-key"),
            t("ui--col-reports"),
            t("ui--col-successful"),
            t("ui--col-failed"),
            t("ui--col-success-rate"),
        ]
    };
    let fail_headers = |k: &str| vec![t(k), t("ui--col-failed")];
    let rate_class = match s.success_rate {
        Some(r) if r < 0.99 => "card bad",
        Some(r) if r < 0.9999 => "card warn",
        Some(_) => "card good",
        None => "card",
    };
    let failures: Vec<Vec<Cell>> = s
        .failures
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.day.clone()),
                Cell::Text(f.organization.clone()),
                Cell::Text(f.policy_domain.clone()),
                Cell::Text(f.result_type.clone()),
                Cell::Text(f.receiving_mx_hostname.clone()),
                Cell::Text(f.sending_mta_ip.clone()),
                Cell::Text(f.receiving_ip.clone()),
                Cell::Num(f.failed_session_count),
                Cell::Text(f.failure_reason_code.clone()),
                Cell::Link(f.additional_information.clone()),
            ]
        })
        .collect();
    html! {
        <div class="dashboard">
            <div class="cards" id="report-summary" data-reports={s.reports.to_string()} data-successful={s.successful.to_string()} data-failed={s.failed.to_string()} data-duplicates={s.duplicates.to_string()}>
                <div class="card"><span class="big">{ num(s.reports) }</span><span>{ t("ui--card-reports") }</span></div>
                <div class={rate_class}><span class="big">{ pct(s.success_rate) }</span><span>{ t("ui--card-success-rate") }</span></div>
                <div class="card"><span class="big">{ num(s.successful) }</span><span>{ t("ui--card-successful") }</span></div>
                <div class={if s.failed > 0 { "card bad" } else { "card" }}><span class="big">{ num(s.failed) }</span><span>{ t("ui--card-failed") }</span></div>
                <div class="card"><span class="big">{ num(s.duplicates) }</span><span>{ t("ui--card-duplicates") }</span></div>
            </div>
            { match (&s.first_day, &s.last_day) {
                (Some(f), Some(l)) => html! { <p class="muted">{ tr("ui--period", &[("from", crate::util::day(f)), ("to", crate::util::day(l))]) }</p> },
                _ => html! {},
            } }
            <h2>{ t("ui--per-day") }</h2>
            <DayChart days={s.by_day.clone()} />
            <div class="grid2">
                <section><h3>{ t("ui--by-organization") }</h3><SortTable id="by-organization" headers={bucket_headers()} rows={bucket_rows(&s.by_organization)} initial={(2, true)} /></section>
                <section><h3>{ t("ui--by-domain") }</h3><SortTable id="by-domain" headers={bucket_headers()} rows={bucket_rows(&s.by_policy_domain)} initial={(2, true)} /></section>
                <section><h3>{ t("ui--by-policy-type") }</h3><SortTable id="by-policy-type" headers={bucket_headers()} rows={bucket_rows(&s.by_policy_type)} initial={(2, true)} /></section>
                <section><h3>{ t("ui--by-result-type") }</h3><SortTable id="by-result-type" headers={fail_headers("ui--col-result-type")} rows={failure_rows(&s.by_result_type)} /></section>
                <section><h3>{ t("ui--by-mx") }</h3><SortTable id="by-mx" headers={fail_headers("ui--col-mx")} rows={failure_rows(&s.by_receiving_mx)} /></section>
                <section><h3>{ t("ui--by-ip") }</h3><SortTable id="by-ip" headers={fail_headers("ui--col-ip")} rows={failure_rows(&s.by_sending_ip)} /></section>
            </div>
            { if s.by_result_and_mx.is_empty() { html! {} } else { html! {
                <div class="grid2">
                    <section><h3>{ t("ui--by-result-and-mx") }</h3><SortTable id="by-result-and-mx" headers={vec![t("ui--col-result-type"), t("ui--col-mx"), t("ui--col-failed")]} rows={pair_rows(&s.by_result_and_mx)} initial={(2, true)} /></section>
                    <section><h3>{ t("ui--by-day-and-result") }</h3><SortTable id="by-day-and-result" headers={vec![t("ui--col-day"), t("ui--col-result-type"), t("ui--col-failed")]} rows={pair_rows(&s.by_day_and_result)} initial={(0, true)} /></section>
                </div>
            } } }
            <h2>{ t("ui--failure-details") }</h2>
            { if failures.is_empty() { html! { <p class="muted">{ t("ui--no-failures") }</p> } } else { html! {
                <SortTable id="failures" headers={vec![t("ui--col-day"), t("ui--col-organization"), t("ui--col-domain"), t("ui--col-result-type"), t("ui--col-mx"), t("ui--col-ip"), t("ui--col-receiving-ip"), t("ui--col-failed"), t("ui--col-reason"), t("ui--col-info")]} rows={failures} initial={(7, true)} limit={500} top={25} />
            } } }
        </div>
    }
}
