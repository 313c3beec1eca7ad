-- The report index (issue: a report store that scales). KV keeps each report's bytes as received; D1 holds one
-- row per report, policy and failure detail, and daily rollups kept in step at ingest in the same batch (one
-- transaction), so a summary reads rollups, never report bodies.
--
-- Counts are SQLite INTEGERs (i64). Ingest refuses a count past 2^53 - 1 (JavaScript numbers carry D1's values
-- exactly only up to there), so every stored count is exact; sums are read with TOTAL() (never an overflow error).

-- One row per stored report (RFC 8460 §4.4). `identity` is the SHA-256 (hex, 32 digits) of (organization-name,
-- report-id), RFC 8460 §4.3 making report-id unique per sender; a report with neither is identified by a hash of
-- its content instead, so distinct anonymous reports never collide. UNIQUE: two concurrent uploads of one report
-- can never both count.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,
  organization TEXT NOT NULL,
  report_id TEXT NOT NULL,
  contact TEXT NOT NULL,
  -- the served policy domain it is filed under (RFC 8460 §7), and its day: the start's, else the end's, else the
  -- day it arrived (UTC, YYYY-MM-DD)
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  via TEXT NOT NULL,            -- https (RFC 8460 §5.4) or email (§5.3)
  mail_from TEXT NOT NULL,      -- envelope sender of an e-mail
  dkim TEXT NOT NULL,           -- DKIM verdict of an e-mail (RFC 8460 §3)
  encoding TEXT NOT NULL,       -- json, gzip or email: how the KV bytes are encoded
  size INTEGER NOT NULL,
  kv_key TEXT NOT NULL,
  warnings INTEGER NOT NULL,    -- validation findings (RFC 8460 §4.4 deviations)
  policies INTEGER NOT NULL,
  successful INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  failure_rows INTEGER NOT NULL,
  duplicates INTEGER NOT NULL DEFAULT 0  -- copies received again after this one (not counted)
);
CREATE INDEX reports_by_day ON reports (day, id);
CREATE INDEX reports_by_domain_day ON reports (domain, day, id);
CREATE INDEX reports_by_org_day ON reports (organization, day, id);

-- One row per policy entry of a report (RFC 8460 §4.4 "policies").
CREATE TABLE policies (
  id INTEGER PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  policy_hash TEXT NOT NULL,    -- SHA-256 (hex, 16 digits) of the policy-string lines
  mx TEXT NOT NULL,             -- mx-host entries, space-separated
  successful INTEGER NOT NULL,
  failed INTEGER NOT NULL
);
CREATE INDEX policies_by_report ON policies (report);
CREATE INDEX policies_by_domain_day ON policies (domain, day, report);

-- One row per failure detail (RFC 8460 §4.4 "failure-details").
CREATE TABLE failures (
  id INTEGER PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  organization TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  result_type TEXT NOT NULL,
  sending_ip TEXT NOT NULL,
  mx_host TEXT NOT NULL,
  receiving_ip TEXT NOT NULL,
  failed INTEGER NOT NULL,
  reason TEXT NOT NULL,
  info TEXT NOT NULL
);
CREATE INDEX failures_by_report ON failures (report);
CREATE INDEX failures_by_day ON failures (day, id);
CREATE INDEX failures_by_domain_day ON failures (domain, day, id);

-- Daily rollups. `domain = ''` rows count each report once across all its policy domains (the unfiltered view);
-- the other rows are per policy domain. A report counts in `reports` once per row key it contributes to.
CREATE TABLE daily_reports (
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  organization TEXT NOT NULL,
  reports INTEGER NOT NULL,
  policies INTEGER NOT NULL,
  successful INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  PRIMARY KEY (domain, day, organization)
) WITHOUT ROWID;

CREATE TABLE daily_policy_types (
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  organization TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  reports INTEGER NOT NULL,
  successful INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  PRIMARY KEY (domain, day, organization, policy_type)
) WITHOUT ROWID;

-- Failed sessions per (policy domain, day, organization, policy type, result type, receiving MX): additive, so
-- per-domain rows only.
CREATE TABLE daily_failures (
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  organization TEXT NOT NULL,
  policy_type TEXT NOT NULL,
  result_type TEXT NOT NULL,
  mx_host TEXT NOT NULL,
  failed INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  PRIMARY KEY (domain, day, organization, policy_type, result_type, mx_host)
) WITHOUT ROWID;
