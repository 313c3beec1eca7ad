//! Reports: drop (or pick) many .json, .json.gz and report e-mails at once. They are read in the browser in small
//! batches (the page stays responsive with thousands of files), deduplicated, and shown on the dashboard with
//! filters and CSV/JSON export. Files that cannot be read are listed with the reason. Nothing is uploaded.

use crate::components::dashboard::Dashboard;
use crate::i18n::{catalog, t, tr};
use crate::util;
use gloo::timers::future::TimeoutFuture;
use mtasts_core::report::aggregate::positions_in_order;
use mtasts_core::report::{self, export, time, Aggregator, Filter, Limits, Report};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Everything read so far.
#[derive(Default, PartialEq)]
pub struct Loaded {
    reports: Vec<Rc<Report>>,
    errors: Vec<(String, String)>,
    done: usize,
    total: usize,
    busy: bool,
    millis: Option<f64>,
    version: u64,
    /// Bumped when a batch of files is fully read: the dashboard is recomputed then, not on every file.
    settled: u64,
    /// A load has finished since the last clear: until then there is no summary to show, and drawing an empty
    /// dashboard on the way would only cost the main thread the files are read on.
    ready: bool,
}

/// Changes to [`Loaded`].
pub enum Action {
    /// A new batch of files starts.
    Start(usize),
    /// Some files were read.
    Batch(Vec<Rc<Report>>, Vec<(String, String)>, usize),
    /// All files were read, in this many milliseconds.
    Finish(f64),
    /// Forget everything.
    Clear,
}

impl Reducible for Loaded {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = Loaded {
            reports: self.reports.clone(),
            errors: self.errors.clone(),
            done: self.done,
            total: self.total,
            busy: self.busy,
            millis: self.millis,
            version: self.version + 1,
            settled: self.settled,
            ready: self.ready,
        };
        match action {
            Action::Start(n) => {
                s.total += n;
                s.busy = true;
                s.millis = None;
            }
            Action::Batch(ok, err, n) => {
                s.reports.extend(ok);
                s.errors.extend(err);
                s.done += n;
            }
            Action::Finish(ms) => {
                s.busy = false;
                s.settled += 1;
                s.ready = true;
                s.millis = Some(ms);
            }
            Action::Clear => {
                return Rc::new(Loaded {
                    settled: self.settled + 1,
                    ..Loaded::default()
                })
            }
        }
        Rc::new(s)
    }
}

/// Starts reading each of `files` at once (Blob.arrayBuffer: no FileReader round trips; the browser reads them
/// in parallel). One `Promise.allSettled` per batch: a JS-to-Rust future per file cost the main thread more than
/// the parsing, and the main thread is what a drop of 1,000 files waits on; one file that cannot be read fails
/// alone, not its batch.
fn start_reads(files: &[web_sys::File]) -> wasm_bindgen_futures::JsFuture {
    let reads: js_sys::Array = files.iter().map(|f| f.array_buffer()).collect();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&reads))
}

/// Why the browser could not read a file, as it says it (`NotReadableError: …`, in the browser's language).
fn read_error(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The bytes of one settled read (allSettled gives one entry per file, in order), or why it failed.
fn settled_bytes(read: js_sys::PromiseState) -> Result<Vec<u8>, String> {
    if read.is_fulfilled() {
        Ok(js_sys::Uint8Array::new(&read.get_value().unwrap_or_default()).to_vec())
    } else {
        Err(read_error(&read.get_reason().unwrap_or_default()))
    }
}

/// Files read at once: browsers read them in parallel while the wasm parses the previous ones.
const READ_AHEAD: usize = 32;

fn read_files(files: Vec<web_sys::File>, state: UseReducerHandle<Loaded>) {
    state.dispatch(Action::Start(files.len()));
    wasm_bindgen_futures::spawn_local(async move {
        let t0 = util::now_ms();
        let cat = catalog();
        let (mut ok, mut err, mut n) = (Vec::new(), Vec::new(), 0usize);
        let mut last_flush = util::now_ms();
        let mut chunks = files.chunks(READ_AHEAD);
        let mut pending = chunks.next().map(|c| (c, start_reads(c)));
        while let Some((chunk, reads)) = pending.take() {
            // the next chunk's reads start before this one is parsed, so reading and parsing overlap
            pending = chunks.next().map(|c| (c, start_reads(c)));
            // allSettled itself never rejects; if it did, every file of the batch is listed with the reason
            let settled = reads.await.map(JsCast::unchecked_into::<js_sys::Array>);
            for (i, f) in chunk.iter().enumerate() {
                let bytes = match &settled {
                    Ok(all) => settled_bytes(all.get_unchecked(i as u32).unchecked_into()),
                    Err(e) => Err(read_error(e)),
                };
                match bytes.map(|b| report::load(&b, Limits::default())) {
                    Ok(Ok(list)) => ok.extend(list.into_iter().map(|l| Rc::new(l.report))),
                    Ok(Err(d)) => err.push((f.name(), cat.message(&d))),
                    Err(e) => err.push((f.name(), e)),
                }
                n += 1;
            }
            if util::now_ms() - last_flush > 100.0 {
                state.dispatch(Action::Batch(
                    std::mem::take(&mut ok),
                    std::mem::take(&mut err),
                    std::mem::take(&mut n),
                ));
                TimeoutFuture::new(0).await; // let the page paint the progress and stay responsive
                last_flush = util::now_ms();
            }
        }
        state.dispatch(Action::Batch(ok, err, n));
        state.dispatch(Action::Finish(util::now_ms() - t0));
    });
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The reports without duplicates (RFC 8460 §4.3: one per organization and report-id), in the order they were
/// read: the aggregator's own test, so that no second set type is built into the wasm.
fn unique(reports: &[Rc<Report>]) -> Vec<Rc<Report>> {
    let mut a = Aggregator::new(Filter::default()).with_top(Some(0));
    reports.iter().filter(|r| a.add(r)).cloned().collect()
}

/// Rows of the long breakdowns the dashboard lists (its tables show at most this many); the rest are totalled.
const TOP: usize = 500;

fn day_start(d: &str) -> Option<i64> {
    time::parse(&format!("{d}T00:00:00Z")).map(|p| p.unix)
}

/// The report viewer page.
#[function_component(ReportsPage)]
pub fn reports_page() -> Html {
    let state = use_reducer(Loaded::default);
    let domain = use_state(String::new);
    let from = use_state(String::new);
    let to = use_state(String::new);
    let dragging = use_state(|| false);
    let filter = Filter {
        domain: Some((*domain).clone()).filter(|d| !d.is_empty()),
        from: day_start(&from),
        to: day_start(&to).map(|t| t + 86_400),
    };
    let summary = use_memo((state.settled, filter.clone()), |(_, f)| {
        let mut a = Aggregator::new(f.clone()).with_top(Some(TOP));
        for r in &state.reports {
            a.add(r);
        }
        Rc::new(a.summary())
    });
    let domains = use_memo(state.settled, |_| {
        let mut d: Vec<String> = state
            .reports
            .iter()
            .flat_map(|r| {
                r.policies()
                    .iter()
                    .map(|p| p.domain().to_ascii_lowercase())
                    .collect::<Vec<_>>()
            })
            .collect();
        // core's one sort (see `positions_in_order`)
        let order = positions_in_order(d.len(), None, &|a, b| d[a].cmp(&d[b]));
        let mut d: Vec<String> = order
            .into_iter()
            .map(|i| std::mem::take(&mut d[i]))
            .collect();
        d.dedup();
        d
    });
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            input.set_value("");
            read_files(files, state.clone());
        })
    };
    let ondrop = {
        let state = state.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            read_files(
                files_of(e.data_transfer().and_then(|d| d.files())),
                state.clone(),
            );
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_| dragging.set(false))
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Clear))
    };
    let export_csv = {
        let state = state.clone();
        Callback::from(move |_| {
            let reps = unique(&state.reports);
            util::download(
                "tls-reports.csv",
                "text/csv;charset=utf-8",
                export::to_csv(reps.iter().map(|r| r.as_ref())).as_bytes(),
            );
        })
    };
    let export_json = {
        let state = state.clone();
        let summary = summary.clone();
        Callback::from(move |_| {
            let reps = unique(&state.reports);
            let body = serde_json::json!({"summary": summary.as_ref().as_ref(), "reports": reps.iter().map(|r| r.as_ref()).collect::<Vec<_>>()});
            util::download(
                "tls-reports.json",
                "application/json",
                serde_json::to_string_pretty(&body)
                    .unwrap_or_default()
                    .as_bytes(),
            );
        })
    };
    let sel = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: Event| s.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let ondomain = {
        let domain = domain.clone();
        Callback::from(move |e: Event| {
            domain.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let have = state.ready && (!state.reports.is_empty() || !state.errors.is_empty());
    html! {
        <section class="page reports">
            <h1>{ t("ui--reports-title") }</h1>
            <p class="lead">{ t("ui--reports-lead") }</p>
            { drop_zone(*dragging, ondrop, ondragover, ondragleave, onchange) }
            { progress_row(&state, clear) }
            { refused_files(&state.errors) }
            { if have { html! {
                <>
                { filter_bar(&domains, &domain, &from, &to, ondomain, sel(&from), sel(&to), export_csv, export_json) }
                <Dashboard summary={(*summary).clone()} />
                </>
            } } else { html! {} } }
        </section>
    }
}

/// Where files are dropped or picked (.json, .json.gz, .eml; nothing leaves the browser).
fn drop_zone(
    dragging: bool,
    ondrop: Callback<DragEvent>,
    ondragover: Callback<DragEvent>,
    ondragleave: Callback<DragEvent>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class={classes!("dropzone", dragging.then_some("over"))} {ondrop} {ondragover} {ondragleave} for="report-files">
            <input id="report-files" type="file" multiple=true accept=".json,.gz,.eml,application/json,application/gzip,message/rfc822" {onchange} />
            <strong>{ t("ui--drop-here") }</strong>
            <span class="muted">{ t("ui--drop-kinds") }</span>
        </label>
    }
}

/// How far reading has come, with the way to start over.
fn progress_row(state: &Loaded, clear: Callback<MouseEvent>) -> Html {
    if state.total == 0 {
        return html! {};
    }
    html! {
        <div class="progress-row" id="report-progress" data-done={state.done.to_string()} data-total={state.total.to_string()} data-busy={state.busy.to_string()} data-ms={state.millis.map(|m| format!("{m:.0}")).unwrap_or_default()}>
            <progress max={state.total.to_string()} value={state.done.to_string()}></progress>
            <span>{ tr("ui--progress", &[("done", state.done.to_string()), ("total", state.total.to_string())]) }</span>
            <button type="button" class="btn small ghost" onclick={clear}>{ t("ui--clear") }</button>
        </div>
    }
}

/// Every file that was not read, with the reason.
fn refused_files(errors: &[(String, String)]) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <details class="errors" open=true>
            <summary>{ tr("ui--refused-files", &[("count", errors.len().to_string())]) }</summary>
            <ul id="report-errors">{ for errors.iter().map(|(f, m)| html! { <li><code>{ f.clone() }</code>{ ": " }{ m.clone() }</li> }) }</ul>
        </details>
    }
}

/// The domain and date filters, and the exports.
#[allow(clippy::too_many_arguments)]
fn filter_bar(
    domains: &[String],
    domain: &str,
    from: &str,
    to: &str,
    ondomain: Callback<Event>,
    onfrom: Callback<Event>,
    onto: Callback<Event>,
    export_csv: Callback<MouseEvent>,
    export_json: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="toolbar filters">
            <label for="filter-domain">{ t("ui--filter-domain") }</label>
            <select id="filter-domain" onchange={ondomain}>
                <option value="" selected={domain.is_empty()}>{ t("ui--all-domains") }</option>
                { for domains.iter().map(|d| html! { <option value={d.clone()} selected={domain == d}>{ d.clone() }</option> }) }
            </select>
            <label for="filter-from">{ t("ui--filter-from") }</label>
            <input id="filter-from" class="input" type="date" value={from.to_owned()} onchange={onfrom} />
            <label for="filter-to">{ t("ui--filter-to") }</label>
            <input id="filter-to" class="input" type="date" value={to.to_owned()} onchange={onto} />
            <span class="spacer"></span>
            <button type="button" class="btn small" id="export-csv" onclick={export_csv}>{ t("ui--export-csv") }</button>
            <button type="button" class="btn small" id="export-json" onclick={export_json}>{ t("ui--export-json") }</button>
        </div>
    }
}
