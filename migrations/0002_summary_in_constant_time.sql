-- The summary in (nearly) constant time whatever the number of reports: what it still read from the rows is now
-- read from a rollup or from an index in the summary's own order, so a top-N stops after N rows.

-- Failure details carry their report's id, so the summary's failure rows need no join. Their order (most failed
-- sessions first, newest first, then by content: RFC 8460 §4.4's fields) starts with these indexes' keys: the top
-- `limit` rows are read in index order and only ties are sorted, the rest never touched. Narrow on purpose: each
-- index is written for every failure detail (and D1 counts it as a row written).
ALTER TABLE failures ADD COLUMN report_id TEXT NOT NULL DEFAULT '';
UPDATE failures SET report_id = (SELECT report_id FROM reports WHERE reports.id = failures.report);
CREATE INDEX failures_top ON failures (domain, failed DESC, day DESC);
CREATE INDEX failures_top_all ON failures (failed DESC, day DESC);
-- Failed sessions per sending MTA IP (RFC 8460 §4.4 "sending-mta-ip") for one domain: grouped in index order,
-- without reading the rows.
CREATE INDEX failures_by_ip ON failures (domain, sending_ip, day, organization, failed);
-- The newest arrivals first: over every domain from the reports, for one domain from its policies (which carry
-- their report's time of receipt for that).
CREATE INDEX reports_by_received ON reports (received_at DESC, id DESC);
ALTER TABLE policies ADD COLUMN received_at INTEGER NOT NULL DEFAULT 0;
UPDATE policies SET received_at = (SELECT received_at FROM reports WHERE reports.id = policies.report);
CREATE INDEX policies_by_received ON policies (domain, received_at DESC, report DESC);

-- How reports arrived: per (policy domain, day, organization, transport (RFC 8460 §5.3 email, §5.4 https), DKIM
-- verdict (§3)), reports stored and copies received again. `domain = ''` rows count each report once, as in
-- daily_reports; a copy received again adds to `duplicates` of its report's rows.
CREATE TABLE daily_arrivals (
  domain TEXT NOT NULL,
  day TEXT NOT NULL,
  organization TEXT NOT NULL,
  via TEXT NOT NULL,
  dkim TEXT NOT NULL,
  reports INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  PRIMARY KEY (domain, day, organization, via, dkim)
) WITHOUT ROWID;
INSERT INTO daily_arrivals (domain, day, organization, via, dkim, reports, duplicates)
  SELECT '', day, organization, via, dkim, COUNT(*), SUM(duplicates) FROM reports
  GROUP BY day, organization, via, dkim;
INSERT INTO daily_arrivals (domain, day, organization, via, dkim, reports, duplicates)
  SELECT p.domain, r.day, r.organization, r.via, r.dkim, COUNT(*), SUM(r.duplicates)
  FROM reports r JOIN (SELECT DISTINCT report, domain FROM policies) p ON p.report = r.id
  GROUP BY p.domain, r.day, r.organization, r.via, r.dkim;
