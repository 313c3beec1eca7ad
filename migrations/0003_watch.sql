-- The watch (daily digests and alerts on the cron trigger): per-domain settings, the state of each alert, the
-- history of every notice sent, and the log of each delivery attempt.

-- One row per watched domain. `settings` is the JSON of core's watch::Settings, checked when stored. `mode` and
-- `mode_since` are the served policy's mode as the last run saw it and the day it was first seen (the guide's
-- "testing for two weeks" counts from there).
CREATE TABLE watch_settings (
  domain TEXT PRIMARY KEY,
  settings TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  mode TEXT NOT NULL DEFAULT '',
  mode_since TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- One row per condition (core's Alert::key) ever raised for a domain: open while `resolved` is NULL. `notified`
-- is 0 while quiet hours held its message back.
CREATE TABLE watch_alerts (
  domain TEXT NOT NULL,
  key TEXT NOT NULL,
  code TEXT NOT NULL,
  opened TEXT NOT NULL,
  resolved TEXT,
  notified INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (domain, key)
) WITHOUT ROWID;

-- Every notice sent: digests (one per domain and day, the unique index makes a second run a no-op), alerts and
-- resolutions, with their text as sent and their structured facts.
CREATE TABLE watch_history (
  id INTEGER PRIMARY KEY,
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE UNIQUE INDEX watch_one_digest ON watch_history (domain, day) WHERE kind = 'digest';
CREATE INDEX watch_history_by_domain ON watch_history (domain, id DESC);

-- Each delivery attempt of a notice: the webhook URL or e-mail address, the HTTP status (0: no answer), and why it
-- failed. A failing channel is retried with backoff, then given up on; it never holds up ingest.
CREATE TABLE watch_deliveries (
  id INTEGER PRIMARY KEY,
  history INTEGER NOT NULL REFERENCES watch_history (id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  status INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  error TEXT NOT NULL
);
CREATE INDEX watch_deliveries_by_history ON watch_deliveries (history, id);
