//! Delivery of the watch's notices: every webhook of the domain (in the shape it asked for) and every e-mail
//! recipient (Cloudflare's `send_email` binding). Each notice is kept in `watch_history` before it goes out, and
//! each attempt in `watch_deliveries`. A channel that fails is retried with backoff (a timeout, a 5xx, 408 or
//! 429), then given up on; no attempt starts past the run's time budget, so a hanging webhook cannot hold the
//! cron run (and it never touches ingest, which runs on its own requests).

use crate::index::{self, s};
use crate::live_check::within;
use crate::Config;
use futures_util::future::join_all;
use mtasts_core::watch::notify::Notice;
use mtasts_core::watch::Settings;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;
use worker::{
    AbortController, D1Database, Date, Delay, EmailMessage, Env, Fetch, Headers, Method, Request,
    RequestInit,
};

/// The `send_email` binding (`[[send_email]]` in wrangler.toml).
pub const EMAIL_BINDING: &str = "NOTIFY";

/// Attempts per channel and notice.
const ATTEMPTS: u32 = 3;

/// One delivery attempt, as logged.
#[derive(Debug, Clone)]
struct Attempt {
    channel: String,
    attempt: u32,
    at: i64,
    status: u16,
    ok: bool,
    error: String,
}

/// What delivers notices for one cron run.
pub struct Outbox<'a> {
    env: &'a Env,
    cfg: &'a Config,
    /// When the run started and when its budget ends (Unix milliseconds).
    deadline_ms: f64,
    now: i64,
}

#[derive(Deserialize)]
struct Id {
    id: f64,
}

impl<'a> Outbox<'a> {
    /// An outbox for a run at `now` (Unix seconds), with the run budget of the configuration.
    pub fn new(env: &'a Env, cfg: &'a Config, now: i64) -> Outbox<'a> {
        Outbox {
            env,
            cfg,
            deadline_ms: Date::now().as_millis() as f64 + cfg.watch_budget_secs as f64 * 1000.0,
            now,
        }
    }

    /// Keeps the day's digest in the history and delivers it, unless it was sent already (`None` then).
    pub async fn deliver_digest(
        &self,
        db: &D1Database,
        settings: &Settings,
        notice: &Notice,
    ) -> worker::Result<Option<Value>> {
        let kept = index::stmt(
            db,
            "INSERT INTO watch_history (domain, day, kind, key, sent_at, title, text, data) \
             VALUES (?1, ?2, 'digest', '', ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING RETURNING id",
            &self.history_values(notice),
        )?
        .all()
        .await?
        .results::<Id>()?;
        match kept.first() {
            Some(row) => Ok(Some(self.send(db, settings, notice, row.id, "").await?)),
            None => Ok(None),
        }
    }

    /// Keeps an alert or a resolution in the history and delivers it.
    pub async fn deliver(
        &self,
        db: &D1Database,
        settings: &Settings,
        notice: &Notice,
        key: &str,
    ) -> worker::Result<Value> {
        let mut values = self.history_values(notice);
        values.push(s(notice.kind.as_str()));
        values.push(s(key));
        let row = index::stmt(
            db,
            "INSERT INTO watch_history (domain, day, kind, key, sent_at, title, text, data) \
             VALUES (?1, ?2, ?7, ?8, ?3, ?4, ?5, ?6) RETURNING id",
            &values,
        )?
        .all()
        .await?
        .results::<Id>()?;
        let id = row.first().map_or(0.0, |r| r.id);
        self.send(db, settings, notice, id, key).await
    }

    fn history_values(&self, n: &Notice) -> Vec<wasm_bindgen::JsValue> {
        vec![
            s(&n.domain),
            s(&n.day),
            index::n(self.now.max(0) as u64),
            s(&n.title),
            s(&n.text),
            s(&n.data.to_string()),
        ]
    }

    /// Every channel at once; then the attempts logged in one batch.
    async fn send(
        &self,
        db: &D1Database,
        settings: &Settings,
        notice: &Notice,
        history: f64,
        key: &str,
    ) -> worker::Result<Value> {
        let hooks = settings.webhooks.iter().map(|w| {
            let body = notice.webhook_body(w.format).to_string();
            async move { self.webhook(&w.url, body).await }
        });
        let mails = settings.email.iter().map(|to| self.email(notice, to));
        let (hooks, mails) = futures_util::join!(join_all(hooks), join_all(mails));
        let attempts: Vec<Attempt> = hooks.into_iter().chain(mails).flatten().collect();
        let mut batch = Vec::new();
        for a in &attempts {
            batch.push(index::stmt(
                db,
                "INSERT INTO watch_deliveries (history, channel, attempt, at, status, ok, error) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                &[
                    wasm_bindgen::JsValue::from_f64(history),
                    s(&a.channel),
                    index::n(u64::from(a.attempt)),
                    index::n(a.at.max(0) as u64),
                    index::n(u64::from(a.status)),
                    index::n(u64::from(a.ok)),
                    s(&a.error),
                ],
            )?);
        }
        if !batch.is_empty() {
            db.batch(batch).await?;
        }
        let channels = settings.webhooks.len() + settings.email.len();
        let delivered = attempts.iter().filter(|a| a.ok).count();
        Ok(json!({
            "kind": notice.kind.as_str(),
            "key": key,
            "channels": channels,
            "delivered": delivered,
            "attempts": attempts.len(),
        }))
    }

    fn budget_left_ms(&self) -> f64 {
        self.deadline_ms - Date::now().as_millis() as f64
    }

    /// POSTs `body` to `url`, retrying what may pass (no answer, 5xx, 408, 429) with backoff (1 s, 3 s).
    async fn webhook(&self, url: &str, body: String) -> Vec<Attempt> {
        let mut log = Vec::new();
        let timeout = self.cfg.webhook_timeout_secs;
        for attempt in 1..=ATTEMPTS {
            if attempt > 1 {
                let wait = if attempt == 2 { 1 } else { 3 };
                if self.budget_left_ms() < (wait + timeout) as f64 * 1000.0 {
                    log.push(self.gave_up(url, attempt));
                    break;
                }
                Delay::from(Duration::from_secs(wait)).await;
            }
            // the first attempt always goes out (bounded by the timeout): one hanging channel must not starve
            // the others of their notices; only retries wait on the budget
            let abort = AbortController::default();
            let signal = abort.signal();
            let post = async {
                let headers = Headers::new();
                headers.set("Content-Type", "application/json")?;
                headers.set("User-Agent", "mtasts-watch")?;
                let mut init = RequestInit::new();
                init.with_method(Method::Post)
                    .with_headers(headers)
                    .with_body(Some(body.clone().into()));
                let resp = Fetch::Request(Request::new_with_init(url, &init)?)
                    .send_with_signal(&signal)
                    .await?;
                Ok::<_, worker::Error>(resp.status_code())
            };
            let at = Date::now().as_millis() as i64 / 1000;
            let (status, error) = match within(timeout, post).await {
                None => {
                    abort.abort();
                    (0, format!("no answer within {timeout} s"))
                }
                Some(Err(e)) => (0, e.to_string()),
                Some(Ok(code)) if (200..300).contains(&code) => (code, String::new()),
                Some(Ok(code)) => (code, format!("HTTP {code}")),
            };
            let ok = error.is_empty();
            log.push(Attempt {
                channel: url.to_owned(),
                attempt,
                at,
                status,
                ok,
                error,
            });
            let retry = status == 0 || status >= 500 || status == 408 || status == 429;
            if ok || !retry {
                break;
            }
        }
        log
    }

    fn gave_up(&self, channel: &str, attempt: u32) -> Attempt {
        Attempt {
            channel: channel.to_owned(),
            attempt,
            at: Date::now().as_millis() as i64 / 1000,
            status: 0,
            ok: false,
            error: "not attempted: the run's time budget is spent".into(),
        }
    }

    /// Sends the notice to one recipient through the `send_email` binding (one retry).
    async fn email(&self, notice: &Notice, to: &str) -> Vec<Attempt> {
        let channel = format!("mailto:{to}");
        let Some(from) = self.cfg.notify_from.as_deref() else {
            return vec![Attempt {
                channel,
                attempt: 1,
                at: self.now,
                status: 0,
                ok: false,
                error: "NOTIFY_FROM is not set: no sender address for e-mail notices".into(),
            }];
        };
        let mut log = Vec::new();
        for attempt in 1..=2u32 {
            let id = format!(
                "{}.{}.{attempt}@{}",
                notice.kind.as_str(),
                Date::now().as_millis(),
                from.rsplit('@').next().unwrap_or("mtasts.invalid")
            );
            let raw = notice.email(from, to, self.now, &id);
            let result = match self.env.send_email(EMAIL_BINDING) {
                Ok(binding) => match EmailMessage::new(from, to, &raw) {
                    Ok(m) => binding
                        .send(&m)
                        .await
                        .map(|_| ())
                        .map_err(|e| format!("{e:?}")),
                    Err(e) => Err(format!("{e:?}")),
                },
                Err(e) => Err(format!("no `{EMAIL_BINDING}` send_email binding: {e}")),
            };
            let ok = result.is_ok();
            log.push(Attempt {
                channel: channel.clone(),
                attempt,
                at: Date::now().as_millis() as i64 / 1000,
                status: 0,
                ok,
                error: result.err().unwrap_or_default(),
            });
            if ok {
                break;
            }
        }
        log
    }
}
