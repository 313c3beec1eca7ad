//! `/watch`: the watch's page on the site, rendered here in the reader's language (no script: nothing of it
//! weighs on the web app's wasm budget). `GET` asks for the admin token and a domain; `POST` (a form) shows the
//! domain's open alerts, its settings (saved through core's [`Settings::from_json`], the same gate as
//! `PUT /api/watch/<domain>`) and every notice sent, each linking to the stored reports of its day.

use crate::rule_pages::{esc, frame, inline, server_page};
use crate::{api, http, index, watch, Config};
use mtasts_core::generate::normalize_domain;
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::watch::settings::{Format, QuietHours, Webhook};
use mtasts_core::watch::Settings;
use std::fmt::Write;
use worker::{Env, Method, Request, Response, Result};

/// The page's path.
pub const PATH: &str = "/watch";

/// The largest form read.
const FORM_CAP: usize = 64 * 1024;

/// Notices shown.
const SHOWN: u64 = 100;

/// Answers `GET|POST /watch`.
pub async fn handle(mut req: Request, env: &Env, cfg: &Config, lang: Lang) -> Result<Response> {
    let cat = Catalog::get(lang);
    if req.method() != Method::Post {
        return page(&cat, lang, 200, &ask_form(&cat, "", "", None));
    }
    let body = match req.stream() {
        Ok(stream) => match http::read_capped(stream, FORM_CAP).await? {
            Ok(b) => b,
            Err(_) => return page(&cat, lang, 413, &ask_form(&cat, "", "", None)),
        },
        Err(_) => Vec::new(),
    };
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let (token, given) = (field("token"), field("domain").trim());
    let Some(expected) = cfg.admin_token.as_deref() else {
        let why = cat.render("watch-page--no-token", &[]);
        return page(&cat, lang, 401, &ask_form(&cat, "", given, Some(&why)));
    };
    if token.is_empty() || !api::token_matches(token.trim(), expected) {
        let why = cat.render("watch-page--bad-token", &[]);
        return page(&cat, lang, 401, &ask_form(&cat, "", given, Some(&why)));
    }
    let domain = match normalize_domain(given) {
        Ok(d) => d,
        Err(e) => {
            let d = http::diag(mtasts_core::Code::ApiBadDomain)
                .arg("value", mtasts_core::diag::snippet(given, 80));
            let why = format!("{} ({})", cat.message(&e.on(d)), e.describe(&cat));
            return page(&cat, lang, 400, &ask_form(&cat, token, given, Some(&why)));
        }
    };
    let db = index::db(env)?;
    let mut notice = None;
    let mut status = 200;
    let mut shown = watch::load_settings(&db, &domain).await?;
    let watched = shown.is_some();
    if field("action") == "save" {
        let (settings, problem) = settings_of(&form);
        match problem {
            Some(why) => {
                status = 400;
                notice = Some(("error-box", why));
            }
            None => match settings.check() {
                Ok(()) => {
                    let now = (worker::Date::now().as_millis() / 1000) as i64;
                    watch::store_settings(&db, &domain, &settings, now).await?;
                    notice = Some(("ok-box", cat.render("watch-page--saved", &[])));
                }
                Err(d) => {
                    status = 400;
                    notice = Some(("error-box", cat.message(&d)));
                }
            },
        }
        shown = Some(settings);
    } else if !watched {
        notice = Some(("muted", cat.render("watch-page--not-watched", &[])));
    }
    let settings = shown.unwrap_or_default();
    let open = watch::open_alerts(&db, &domain).await?;
    let sent = watch::history(&db, &domain, 1 << 53, SHOWN).await?;
    let t = |id: &str| esc(&cat.render(id, &[]));
    let mut main = format!(
        "<h1>{}</h1>",
        esc(&cat.render("watch-page--heading", &[("domain", domain.clone())]))
    );
    if let Some((class, text)) = &notice {
        let role = if *class == "error-box" {
            "alert"
        } else {
            "status"
        };
        let _ = write!(
            main,
            "<p class=\"{class}\" role=\"{role}\" id=\"watch-notice\">{}</p>",
            esc(text)
        );
    }
    let _ = write!(main, "<h2>{}</h2>", t("watch-page--open-alerts"));
    if open.is_empty() {
        let _ = write!(
            main,
            "<p class=\"muted\" id=\"watch-no-alerts\">{}</p>",
            t("watch-page--no-alerts")
        );
    } else {
        main.push_str("<ul class=\"watch-alerts\" id=\"watch-open\">");
        for o in &open {
            let evidence: serde_json::Value = serde_json::from_str(&o.evidence).unwrap_or_default();
            let message = evidence["message"].as_str().unwrap_or("");
            let _ = write!(
                main,
                "<li><a href=\"/rules/{code}?lang={tag}\"><code>{code}</code></a> {message} <span class=\"muted\">({since})</span></li>",
                code = esc(&o.code),
                tag = lang.tag(),
                message = esc(message),
                since = esc(&cat.render("watch-page--since", &[("day", o.opened.clone())])),
            );
        }
        main.push_str("</ul>");
    }
    main.push_str(&settings_form(&cat, token, &domain, &settings));
    let _ = write!(main, "<h2>{}</h2>", t("watch-page--history"));
    if sent.is_empty() {
        let _ = write!(
            main,
            "<p class=\"muted\">{}</p>",
            t("watch-page--no-history")
        );
    }
    main.push_str("<ol class=\"watch-history\" id=\"watch-history\">");
    for n in &sent {
        let ok = n
            .deliveries
            .iter()
            .filter(|d| d.ok != 0.0)
            .map(|d| &d.channel)
            .collect::<std::collections::BTreeSet<_>>();
        let channels = n
            .deliveries
            .iter()
            .map(|d| &d.channel)
            .collect::<std::collections::BTreeSet<_>>();
        let failures: String = n
            .deliveries
            .iter()
            .filter(|d| d.ok == 0.0)
            .map(|d| {
                format!(
                    "<li><code>{}</code> #{}: {}</li>",
                    esc(&d.channel),
                    index::count(d.attempt),
                    esc(&d.error)
                )
            })
            .collect();
        let _ = write!(
            main,
            "<li class=\"{kind}\"><p><span class=\"badge {kind}\">{kind}</span> <strong>{title}</strong> · {sent} · {delivered} · <a href=\"/stored?domain={d}&amp;from={day}&amp;to={day}\">{reports}</a></p><details><summary>{day}</summary><pre>{text}</pre>{fails}</details></li>",
            kind = esc(&n.kind),
            title = esc(&mtasts_core::diag::snippet(&n.title, 300)),
            sent = esc(&mtasts_core::report::time::rfc3339(index::count(n.sent_at) as i64)),
            delivered = esc(&cat.render("watch-page--delivered", &[("ok", ok.len().to_string()), ("count", channels.len().to_string())])),
            d = esc(&domain),
            day = esc(&n.day),
            reports = esc(&cat.render("watch-page--day-reports", &[("day", n.day.clone())])),
            text = esc(&n.text),
            fails = if failures.is_empty() { String::new() } else { format!("<ul class=\"muted\">{failures}</ul>") },
        );
    }
    main.push_str("</ol>");
    page(&cat, lang, status, &main)
}

/// Settings from the form's fields, and what could not be read as a number (named).
fn settings_of(form: &[(String, String)]) -> (Settings, Option<String>) {
    let field = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.trim())
    };
    let mut s = Settings::default();
    let mut problem = None;
    s.webhooks = field("webhooks")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut parts = l.split_whitespace();
            let url = parts.next().unwrap_or("").to_owned();
            let format = match parts.next().map(str::to_ascii_lowercase).as_deref() {
                Some("slack") => Format::Slack,
                Some("discord") => Format::Discord,
                Some("teams") => Format::Teams,
                _ => Format::Json,
            };
            Webhook { url, format }
        })
        .collect();
    s.email = field("email")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if !field("lang").is_empty() {
        s.lang = field("lang").to_owned();
    }
    s.digest = field("digest") == "on";
    let mut num = |k: &str| -> Option<f64> {
        let v = field(k);
        if v.is_empty() {
            return None;
        }
        let n = v.parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 0.0);
        if n.is_none() && problem.is_none() {
            problem = Some(format!("{k}: `{}`", mtasts_core::diag::snippet(v, 40)));
        }
        n
    };
    if let Some(n) = num("failure_rate") {
        s.failure_rate = n;
    }
    if let Some(n) = num("min_sessions") {
        s.min_sessions = n.min(u64::MAX as f64) as u64;
    }
    if let Some(n) = num("silent_days") {
        s.silent_days = n.min(u32::MAX as f64) as u32;
    }
    if let Some(n) = num("digest_hour") {
        s.digest_hour = n.min(255.0) as u8;
    }
    match (num("quiet_from"), num("quiet_to")) {
        (Some(from), Some(to)) => {
            s.quiet_hours = Some(QuietHours {
                from: from.min(255.0) as u8,
                to: to.min(255.0) as u8,
            })
        }
        (None, None) => {}
        // one end alone is not a range: say so rather than drop it
        (from, _) => {
            let missing = if from.is_some() {
                "quiet_to"
            } else {
                "quiet_from"
            };
            problem.get_or_insert_with(|| format!("{missing}: ``"));
        }
    }
    (s, problem)
}

/// The first form: the token (where it lives) and the domain.
fn ask_form(cat: &Catalog, token: &str, domain: &str, problem: Option<&str>) -> String {
    let t = |id: &str| esc(&cat.render(id, &[]));
    let problem = problem.map_or(String::new(), |p| {
        format!(
            "<p class=\"error-box\" role=\"alert\" id=\"watch-notice\">{}</p>",
            esc(p)
        )
    });
    format!(
        "<h1>{title}</h1><p class=\"lead\">{lead}</p>{problem}<form class=\"form\" method=\"post\" action=\"{PATH}\">\
         <div class=\"field\"><label for=\"watch-token\">{token_l}</label><input id=\"watch-token\" class=\"input\" name=\"token\" type=\"password\" autocomplete=\"off\" value=\"{token}\" aria-describedby=\"watch-token-hint\" required>\
         <p class=\"muted\" id=\"watch-token-hint\">{hint}</p></div>\
         <div class=\"field\"><label for=\"watch-domain\">{domain_l}</label><input id=\"watch-domain\" class=\"input\" name=\"domain\" type=\"text\" placeholder=\"example.com\" value=\"{domain}\" required></div>\
         <button class=\"btn\" type=\"submit\" id=\"watch-open-btn\">{open}</button></form>",
        title = t("watch-page--title"),
        lead = t("watch-page--lead"),
        token_l = t("watch-page--token"),
        token = esc(token),
        hint = inline(&cat.render("watch-page--token-hint", &[])),
        domain_l = t("watch-page--domain"),
        domain = esc(domain),
        open = t("watch-page--open"),
    )
}

/// The settings form (the token and domain carried along).
fn settings_form(cat: &Catalog, token: &str, domain: &str, s: &Settings) -> String {
    let t = |id: &str| esc(&cat.render(id, &[]));
    let hooks: Vec<String> = s
        .webhooks
        .iter()
        .map(|w| {
            let f = serde_json::to_value(w.format)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            format!("{} {f}", w.url)
        })
        .collect();
    let langs: String = Lang::ALL
        .iter()
        .map(|l| {
            let sel = if l.tag() == s.lang { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{sel}>{}</option>",
                l.tag(),
                esc(l.native_name())
            )
        })
        .collect();
    let num = |id: &str, name: &str, v: String| {
        format!(
            "<div class=\"field\"><label for=\"watch-{name}\">{}</label><input id=\"watch-{name}\" class=\"input\" name=\"{name}\" inputmode=\"decimal\" value=\"{}\"></div>",
            t(id),
            esc(&v)
        )
    };
    let (qf, qt) = s.quiet_hours.map_or((String::new(), String::new()), |q| {
        (q.from.to_string(), q.to.to_string())
    });
    format!(
        "<h2>{settings}</h2><form class=\"form\" method=\"post\" action=\"{PATH}\" id=\"watch-settings\">\
         <input type=\"hidden\" name=\"token\" value=\"{token}\"><input type=\"hidden\" name=\"domain\" value=\"{domain}\"><input type=\"hidden\" name=\"action\" value=\"save\">\
         <div class=\"field\"><label for=\"watch-webhooks\">{webhooks_l}</label><textarea id=\"watch-webhooks\" class=\"input\" name=\"webhooks\" rows=\"3\">{hooks}</textarea></div>\
         <div class=\"field\"><label for=\"watch-email\">{email_l}</label><textarea id=\"watch-email\" class=\"input\" name=\"email\" rows=\"2\">{emails}</textarea></div>\
         <div class=\"field\"><label for=\"watch-lang\">{lang_l}</label><select id=\"watch-lang\" class=\"input\" name=\"lang\">{langs}</select></div>\
         {rate}{min}{silent}\
         <div class=\"field\"><label><input type=\"checkbox\" name=\"digest\" id=\"watch-digest\"{digest}> {digest_l}</label></div>\
         {hour}{qfrom}{qto}\
         <button class=\"btn\" type=\"submit\" id=\"watch-save\">{save}</button></form>",
        settings = t("watch-page--settings"),
        token = esc(token),
        domain = esc(domain),
        webhooks_l = t("watch-page--webhooks"),
        hooks = esc(&hooks.join("\n")),
        email_l = t("watch-page--email"),
        emails = esc(&s.email.join("\n")),
        lang_l = t("watch-page--lang"),
        rate = num("watch-page--failure-rate", "failure_rate", s.failure_rate.to_string()),
        min = num("watch-page--min-sessions", "min_sessions", s.min_sessions.to_string()),
        silent = num("watch-page--silent-days", "silent_days", s.silent_days.to_string()),
        digest = if s.digest { " checked" } else { "" },
        digest_l = t("watch-page--digest"),
        hour = num("watch-page--digest-hour", "digest_hour", s.digest_hour.to_string()),
        qfrom = num("watch-page--quiet-from", "quiet_from", qf),
        qto = num("watch-page--quiet-to", "quiet_to", qt),
        save = t("watch-page--save"),
    )
}

/// The page in the site's frame; never cached (it carries the token and private history), forms post here only.
fn page(cat: &Catalog, lang: Lang, status: u16, main: &str) -> Result<Response> {
    let body = frame(&cat.render("watch-page--title", &[]), lang, PATH, cat, main);
    server_page(body, status, "'self'", "no-store")
}
