// The report store against real workerd: KV keeps the bytes, D1 (local SQLite under the persist directory) the
// index and the daily rollups. Exactness against core's aggregator (through the CLI, on the same files), paging,
// idempotency under concurrency, a failing index write, the upgrade of a KV-only store by reindex, retention on
// the cron, and the summary's cost at 300 and 3,000 reports (a benchmark: figures in tests/out/store.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { listAll, request, admin, json, putPolicy, policyFor, OUT, ROOT, BASE, percentile, sqlite, stateFile, TOKEN } from './lib.mjs';
import { launch } from './browser.mjs';

const post = (body, type = 'application/tlsrpt+json') => request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': type }, body });

/** Runs SQL on the local D1 file from outside the worker: the test's way to break or empty it. */
const sql = (statements) => sqlite('d1', statements);

const day = (i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** A varied report: organizations, days, result types, MX hosts, sending IPs; some name two domains. */
function variedReport(i, domain, other) {
  const d = day(i % 40);
  const failed = i % 5;
  const details = [];
  for (let k = 0; k < failed; k++) {
    details.push({ 'result-type': ['certificate-expired', 'starttls-not-supported', 'validation-failure'][k % 3],
      'sending-mta-ip': `192.0.2.${(i * 7 + k) % 60}`, 'receiving-mx-hostname': `mx${(i + k) % 4}.${domain}`,
      'receiving-ip': '203.0.113.9', 'failed-session-count': 1 + (k % 2) });
  }
  const sum = details.reduce((a, x) => a + x['failed-session-count'], 0);
  const policies = [{ policy: { 'policy-type': i % 4 ? 'sts' : 'no-policy-found', 'policy-domain': domain, 'mx-host': [`*.${domain}`] },
    summary: { 'total-successful-session-count': 100 + i, 'total-failure-session-count': sum }, ...(details.length ? { 'failure-details': details } : {}) }];
  if (other && i % 6 === 0) {
    policies.push({ policy: { 'policy-type': 'sts', 'policy-domain': other }, summary: { 'total-successful-session-count': 3, 'total-failure-session-count': 0 } });
  }
  const anonymous = i % 17 === 0;
  return JSON.stringify({
    ...(anonymous ? {} : { 'organization-name': `Org ${i % 5}`, 'report-id': `${domain}-${i}` }),
    'date-range': { 'start-datetime': `${d}T00:00:00Z`, 'end-datetime': `${d}T23:59:59Z` },
    'contact-info': 'tlsrpt@sender.example', policies,
  });
}

async function postAll(bodies, clients = 20) {
  const statuses = {};
  const lat = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < bodies.length) {
      const b = bodies[next++];
      const r = await post(b);
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      lat.push(r.ms);
    }
  }));
  lat.sort((a, b) => a - b);
  return { statuses, seconds: (performance.now() - t0) / 1000, p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

const byKey = (list) => Object.fromEntries(list.map((b) => [b.key, b]));

test('the summary from the rollups equals core’s aggregation of the same files (totals, every breakdown, every failure row)', async () => {
  const domain = 'exact.store.example';
  await putPolicy(domain, policyFor([`*.${domain}`]));
  await putPolicy('other.store.example', policyFor(['mx.other.store.example']));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtasts-store-'));
  const bodies = [];
  for (let i = 0; i < 120; i++) {
    const b = variedReport(i, domain, 'other.store.example');
    bodies.push(b);
    fs.writeFileSync(path.join(dir, `${i}.json`), b);
  }
  const done = await postAll(bodies);
  assert.deepEqual(done.statuses, { 201: 120 });
  for (const filter of ['', `--domain ${domain}`]) {
    const cli = JSON.parse(execFileSync(path.join(ROOT, 'target/debug/mtasts'),
      ['report', '--format', 'json', '--all', ...filter.split(' ').filter(Boolean), ...fs.readdirSync(dir).map((f) => path.join(dir, f))], { maxBuffer: 1 << 28 }).toString()).summary;
    const q = filter ? `domain=${domain}&` : '';
    // unfiltered, other suites' reports are stored too: compare this test's domains only through the filter,
    // and the unfiltered view through the domain breakdown
    const api = json(await admin('GET', `/api/summary?${q}limit=1000`));
    const s = api.summary;
    if (filter) {
      for (const k of ['reports', 'policies', 'successful', 'failed', 'first_day', 'last_day']) assert.equal(s[k], cli[k], k);
      assert.ok(Math.abs(s.success_rate - cli.success_rate) < 1e-12);
      for (const k of ['by_organization', 'by_policy_domain', 'by_policy_type', 'by_day']) assert.deepEqual(byKey(s[k]), byKey(cli[k]), k);
      for (const k of ['by_result_type', 'by_receiving_mx', 'by_sending_ip']) assert.deepEqual(byKey(s[k]), byKey(cli[k]), k);
      // the failures grouped by (result type, MX) and each result type per day: the same pairs, sums and order
      for (const k of ['by_result_and_mx', 'by_day_and_result']) {
        assert.ok(cli[k].length > 0, k);
        assert.deepEqual(s[k], cli[k], k);
      }
      const rows = (list) => list.map((r) => JSON.stringify(r)).sort();
      assert.deepEqual(rows(s.failures), rows(cli.failures), 'every failure row');
      // in the same order (core's failure_order, in SQL): rows equal in every sort key may differ in the rest
      const sortKey = (r) => [r.failed_session_count, r.day, r.organization, r.report_id, r.result_type, r.receiving_mx_hostname, r.sending_mta_ip].join('|');
      assert.deepEqual(s.failures.map(sortKey), cli.failures.map(sortKey), 'failure rows in the same order');
      assert.deepEqual(s.more.failures, { count: 0, failed: 0 });
      // the same order rules as core: failed, then sessions, then key
      assert.deepEqual(s.by_organization.map((b) => b.key), cli.by_organization.map((b) => b.key));
    } else {
      const mine = Object.fromEntries(s.by_policy_domain.map((b) => [b.key, b]));
      for (const b of cli.by_policy_domain) assert.deepEqual(mine[b.key], b, b.key);
    }
  }
  // top-N: a small limit keeps the first rows and totals the rest exactly
  const top = json(await admin('GET', `/api/summary?domain=${domain}&limit=3`));
  assert.equal(top.summary.by_sending_ip.length, 3);
  const full = json(await admin('GET', `/api/summary?domain=${domain}&limit=1000`)).summary;
  const restIps = full.by_sending_ip.slice(3);
  assert.equal(top.summary.more.by_sending_ip.count, restIps.length);
  assert.equal(top.summary.more.by_sending_ip.failed, restIps.reduce((a, b) => a + b.failed, 0));
  assert.equal(top.summary.failures.length, 3);
  assert.equal(top.summary.more.failures.count, full.failures.length - 3);
  // the CLI's --top N cuts the same lists at the same place, with the same rest
  const cliTop = JSON.parse(execFileSync(path.join(ROOT, 'target/debug/mtasts'),
    ['report', '--format', 'json', '--top', '3', '--domain', domain, ...fs.readdirSync(dir).map((f) => path.join(dir, f))]).toString()).summary;
  for (const k of ['by_sending_ip', 'by_receiving_mx', 'more']) assert.deepEqual(top.summary[k], cliTop[k], k);
  assert.deepEqual(top.summary.failures.map((r) => r.failed_session_count), cliTop.failures.map((r) => r.failed_session_count));
  // /api/failures pages through every row, newest day first
  const rows = [];
  let cursor = '';
  for (;;) {
    const page = json(await admin('GET', `/api/failures?domain=${domain}&limit=7${cursor ? `&cursor=${cursor}` : ''}`));
    rows.push(...page.failures);
    if (!page.cursor) break;
    cursor = page.cursor;
  }
  assert.equal(rows.length, full.failures.length);
  assert.deepEqual(rows.map((r) => r.day), [...rows.map((r) => r.day)].sort().reverse());
  const expired = json(await admin('GET', `/api/failures?domain=${domain}&result=certificate-expired&limit=1000`)).failures;
  assert.ok(expired.length > 0 && expired.every((r) => r.result_type === 'certificate-expired'));
  // filters: organization and result type on the listing
  const org = await listAll(`domain=${domain}&org=${encodeURIComponent('Org 1')}`);
  assert.ok(org.length > 0 && org.every((r) => r.meta.org === 'Org 1'));
  const withExpired = await listAll(`domain=${domain}&result=certificate-expired`);
  assert.ok(withExpired.length > 0 && withExpired.length < 120);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('idempotency: concurrent identical posts store one; same organization and report-id on another day is a duplicate', async () => {
  const domain = 'race.store.example';
  await putPolicy(domain, policyFor([`mx.${domain}`]));
  const body = JSON.stringify({ 'organization-name': 'Racer', 'report-id': 'race-1',
    'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': domain }, summary: { 'total-successful-session-count': 7, 'total-failure-session-count': 0 } }] });
  const rs = await Promise.all(Array.from({ length: 24 }, () => post(body)));
  const statuses = rs.map((r) => r.status).sort();
  assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
  assert.equal(statuses.filter((s) => s === 200).length, 23, JSON.stringify(statuses));
  const otherDay = await post(body.replaceAll('2026-11-30', '2026-11-29'));
  assert.equal(otherDay.status, 200);
  assert.equal(json(otherDay).status, 'duplicate');
  assert.match(json(otherDay).key, /:2026-11-30:/, 'the answer names the stored copy');
  const listed = await listAll(`domain=${domain}`);
  assert.equal(listed.length, 1);
  const s = json(await admin('GET', `/api/summary?domain=${domain}`)).summary;
  assert.deepEqual([s.reports, s.successful, s.duplicates], [1, 7, 24]);
});

test('bad listing parameters are 400s that name them; keys past KV’s limit are 400, unknown keys 404', async () => {
  for (const [q, code] of [['cursor=page-2', 'api/bad-cursor'], ['cursor=2026-11-30.-1', 'api/bad-cursor'], [`cursor=${'9'.repeat(5000)}`, 'api/bad-cursor'],
    ['from=2026-13-01', 'api/bad-date'], ['domain=a..b', 'api/bad-domain']]) {
    for (const route of ['/api/reports', '/api/failures', '/api/summary']) {
      if (route === '/api/summary' && q.startsWith('cursor')) continue;
      const r = await admin('GET', `${route}?${q}`);
      assert.equal(r.status, 400, `${route}?${q.slice(0, 40)}`);
      assert.equal(json(r).error.code, code);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  }
  // absurd limits are clamped, not refused
  assert.equal((await admin('GET', '/api/reports?limit=99999999999999999999')).status, 200);
  assert.equal((await admin('GET', '/api/reports?limit=-5')).status, 200);
  assert.equal((await admin('GET', `/api/reports/${encodeURIComponent(`report:${'a'.repeat(600)}`)}`)).status, 400);
  assert.equal((await admin('GET', `/api/reports/${encodeURIComponent('report:nowhere.example:2026-01-01:00')}`)).status, 404);
  // a cursor KV never gave is the caller's mistake, never a 5xx: 400 api/bad-cursor where KV refuses it, and
  // local KV (miniflare) reads it as the end of the listing: an empty batch
  for (const c of ['garbage', 'x'.repeat(5000)]) {
    const r = await admin('POST', `/api/reindex?cursor=${c}`);
    assert.ok([200, 400].includes(r.status), `${r.status} ${r.body.toString().slice(0, 200)}`);
    if (r.status === 400) assert.equal(json(r).error.code, 'api/bad-cursor');
    else assert.deepEqual([json(r).keys, json(r).indexed], [0, 0]);
  }
  // the reindex route takes POST only
  const get = await admin('GET', '/api/reindex');
  assert.equal(get.status, 405);
  assert.equal(get.headers.allow, 'POST');
});

test('a failing index write after the bytes are stored: 503 with Retry-After, the bytes kept, the retry counts it once', async () => {
  const domain = 'fault.store.example';
  await putPolicy(domain, policyFor([`mx.${domain}`]));
  const body = JSON.stringify({ 'organization-name': 'Faulty', 'report-id': 'fault-1',
    'date-range': { 'start-datetime': '2026-11-28T00:00:00Z', 'end-datetime': '2026-11-28T23:59:59Z' },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': domain }, summary: { 'total-successful-session-count': 40, 'total-failure-session-count': 2 },
      'failure-details': [{ 'result-type': 'certificate-expired', 'sending-mta-ip': '192.0.2.1', 'receiving-mx-hostname': `mx.${domain}`, 'failed-session-count': 2 }] }] });
  // a real fault of the database: the failure-detail table is gone
  sql(['ALTER TABLE failures RENAME TO failures_away']);
  let r;
  try {
    r = await post(body);
  } finally {
    sql(['ALTER TABLE failures_away RENAME TO failures']);
  }
  assert.equal(r.status, 503, r.body.toString());
  assert.equal(json(r).error.code, 'server/unavailable');
  assert.equal(r.headers['retry-after'], '60');
  // nothing half-written in the index (one transaction), the bytes are in KV
  assert.equal((await listAll(`domain=${domain}`)).length, 0);
  const s0 = json(await admin('GET', `/api/summary?domain=${domain}`)).summary;
  assert.deepEqual([s0.reports, s0.successful], [0, 0]);
  // a reindex finds the bytes in KV and completes the index: this one report, nothing else
  let cursor = '';
  let indexed = 0;
  for (;;) {
    const b = json(await admin('POST', `/api/reindex?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    indexed += b.indexed;
    if (!b.cursor) break;
    cursor = b.cursor;
  }
  assert.equal(indexed, 1);
  // the sender's retry is then a duplicate: counted once
  const again = await post(body);
  assert.equal(again.status, 200, again.body.toString());
  assert.equal(json(again).status, 'duplicate');
  assert.ok(json(again).key.startsWith('report:fault.store.example:2026-11-28:'));
  const s = json(await admin('GET', `/api/summary?domain=${domain}`)).summary;
  assert.deepEqual([s.reports, s.successful, s.failed, s.failures.length], [1, 40, 2, 1]);
});

test('an existing KV-only store upgrades with reindex: the index rebuilt from the bytes equals the one ingest wrote', async () => {
  const domain = 'upgrade.store.example';
  await putPolicy(domain, policyFor([`*.${domain}`]));
  const bodies = Array.from({ length: 60 }, (_, i) => variedReport(i + 1000, domain));
  assert.deepEqual((await postAll(bodies)).statuses, { 201: 60 });
  const before = json(await admin('GET', `/api/summary?domain=${domain}&limit=1000`));
  const listedBefore = await listAll(`domain=${domain}`);
  // forget the index of this domain: what a store from before the index looks like
  const ids = `(SELECT id FROM reports WHERE domain = '${domain}')`;
  sql([`DELETE FROM failures WHERE report IN ${ids}`, `DELETE FROM policies WHERE report IN ${ids}`, `DELETE FROM reports WHERE domain = '${domain}'`,
    `DELETE FROM daily_reports WHERE domain IN ('${domain}')`, `DELETE FROM daily_policy_types WHERE domain IN ('${domain}')`, `DELETE FROM daily_failures WHERE domain = '${domain}'`,
    `DELETE FROM daily_arrivals WHERE domain = '${domain}'`]);
  assert.equal(json(await admin('GET', `/api/summary?domain=${domain}`)).summary.reports, 0);
  let cursor = '';
  let indexed = 0;
  let calls = 0;
  for (;;) {
    const r = await admin('POST', `/api/reindex?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(r.status, 200, r.body.toString());
    const b = json(r);
    indexed += b.indexed;
    calls++;
    if (!b.cursor) break;
    cursor = b.cursor;
  }
  assert.equal(indexed, 60, `${calls} calls`);
  const after = json(await admin('GET', `/api/summary?domain=${domain}&limit=1000`));
  assert.deepEqual(after.summary, before.summary);
  const listedAfter = await listAll(`domain=${domain}`);
  assert.deepEqual(listedAfter.map((r) => [r.key, r.meta.s, r.meta.at]).sort(), listedBefore.map((r) => [r.key, r.meta.s, r.meta.at]).sort());
  // running it again changes nothing
  const again = json(await admin('POST', '/api/reindex?limit=200'));
  assert.equal(again.indexed, 0);
  assert.deepEqual(json(await admin('GET', `/api/summary?domain=${domain}&limit=1000`)).summary, before.summary);
});

test('benchmark: the summary of 3,000 reports against 300 (exact, bounded queries), ingest throughput', async () => {
  const small = 'bench300.store.example';
  const large = 'bench3000.store.example';
  for (const d of [small, large]) await putPolicy(d, policyFor([`*.${d}`]));
  const seed = async (d, n) => postAll(Array.from({ length: n }, (_, i) => variedReport(i + 5000, d)), 40);
  const s300 = await seed(small, 300);
  const s3000 = await seed(large, 3000);
  assert.deepEqual(s3000.statuses, { 201: 3000 });
  // warmed up, then measured in interleaved rounds (the same conditions for both sizes)
  const once = async (d) => {
    const r = await admin('GET', `/api/summary?domain=${d}`);
    assert.equal(r.status, 200);
    return r;
  };
  for (let i = 0; i < 3; i++) for (const d of [small, large]) await once(d);
  const lat = { [small]: [], [large]: [] };
  const last = {};
  for (let i = 0; i < 15; i++) {
    for (const d of [small, large]) {
      const r = await once(d);
      lat[d].push(r.ms);
      last[d] = json(r).summary;
    }
  }
  const median = (d) => percentile([...lat[d]].sort((x, y) => x - y), 50);
  const a = { median: median(small), last: last[small] };
  const b = { median: median(large), last: last[large] };
  assert.equal(a.last.reports, 300);
  assert.equal(b.last.reports, 3000);
  const want = Array.from({ length: 3000 }, (_, i) => 100 + i + 5000).reduce((x, y) => x + y, 0);
  assert.equal(b.last.successful, want, 'exact');
  const stats = {
    summary_300_median_ms: +a.median.toFixed(1), summary_3000_median_ms: +b.median.toFixed(1), ratio: +(b.median / a.median).toFixed(2),
    ingest_per_second: +(3000 / s3000.seconds).toFixed(1), ingest_p50_ms: +s3000.p50.toFixed(1), ingest_p99_ms: +s3000.p99.toFixed(1), ingest_300_seconds: +s300.seconds.toFixed(2),
  };
  // the stored-reports page over the 3,000: the dashboard is drawn from the bounded summary, each table its top
  // rows, so the page stays small and answers (it froze for minutes when it listed every report)
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}/stored?domain=${large}`);
    await page.waitForSelector('#stored-token');
    await page.fill('#stored-token', TOKEN);
    const t0 = Date.now();
    await page.click('#stored-load');
    await page.waitForFunction(() => document.querySelector('#report-summary')?.dataset.reports === '3000', null, { timeout: 30000 });
    stats.stored_page_3000_ms = Date.now() - t0;
    for (const t of ['#by-ip', '#by-mx', '#by-organization']) {
      assert.ok(await page.$$eval(`${t} tbody tr`, (r) => r.length) <= 10, t);
    }
    assert.ok(await page.$$eval('#failures tbody tr', (r) => r.length) <= 25);
    // the reports themselves, 50 a page, newest first: every one of the 3,000 reached once by "older", and
    // "newer" goes back; the page never holds more than one page of rows
    await page.waitForSelector('#stored-reports-table tbody tr');
    stats.stored_page_height_px = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.equal(await page.isDisabled('#stored-newer'), true, 'the first page has no newer one');
    const ids = new Set();
    let pages = 0;
    let listed = 0;
    const tp = Date.now();
    for (;;) {
      pages += 1;
      await page.waitForFunction((n) => document.querySelector('#stored-page')?.textContent === `Page ${n}`
        && document.querySelectorAll('#stored-reports-table tbody tr').length > 0, pages, { timeout: 30000 });
      const rows = await page.$$eval('#stored-reports-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.ok(rows.length <= 50, `page ${pages}: ${rows.length} rows`);
      for (const r of rows) {
        assert.equal(r[3], large);
        listed += 1;
        if (r[2].startsWith(`${large}-`)) ids.add(r[2]);
      }
      if (await page.isDisabled('#stored-older')) break;
      await page.click('#stored-older');
    }
    stats.stored_pages_walk_ms = Date.now() - tp;
    assert.equal(pages, 60);
    // every stored report listed once (the anonymous ones, every 17th, have no report-id of their own)
    const named = Array.from({ length: 3000 }, (_, i) => (i + 5000) % 17 !== 0).filter(Boolean).length;
    assert.equal(listed, 3000);
    assert.equal(ids.size, named);
    await page.click('#stored-newer');
    await page.waitForFunction(() => document.querySelector('#stored-page')?.textContent === 'Page 59');
    assert.deepEqual(errors, []);
    await page.screenshot({ path: path.join(OUT, 'stored-3000.png') });
  } finally {
    await browser.close();
  }
  console.log('store:', JSON.stringify(stats));
  fs.writeFileSync(path.join(OUT, 'store.json'), JSON.stringify(stats, null, 2));
});

test('benchmark: 10,000 reports over 400 days for 20 domains: the summary over 400 days costs about what 90 days cost', async () => {
  const domains = Array.from({ length: 20 }, (_, i) => `d${i}.scale.example`);
  for (const d of domains) await putPolicy(d, policyFor([`*.${d}`]));
  const first = Date.UTC(2025, 9, 28); // 400 days ending 2026-12-01
  const dayOf = (k) => new Date(first + k * 86_400_000).toISOString().slice(0, 10);
  const bodies = Array.from({ length: 10_000 }, (_, i) => {
    const domain = domains[i % 20];
    const d = dayOf(Math.floor(i / 25) % 400);
    const failed = i % 3;
    const details = Array.from({ length: failed }, (_, k) => ({
      'result-type': ['certificate-expired', 'starttls-not-supported'][k], 'sending-mta-ip': `198.51.100.${i % 40}`,
      'receiving-mx-hostname': `mx${k}.${domain}`, 'failed-session-count': 1 }));
    return JSON.stringify({ 'organization-name': `Org ${i % 12}`, 'report-id': `scale-${i}`, 'contact-info': 'tlsrpt@sender.example',
      'date-range': { 'start-datetime': `${d}T00:00:00Z`, 'end-datetime': `${d}T23:59:59Z` },
      policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': domain, 'mx-host': [`*.${domain}`] },
        summary: { 'total-successful-session-count': 50, 'total-failure-session-count': failed }, ...(failed ? { 'failure-details': details } : {}) }] });
  });
  const seeded = await postAll(bodies, 40);
  assert.deepEqual(seeded.statuses, { 201: 10_000 });
  const one = domains[7];
  const ranges = { d90: `domain=${one}&from=${dayOf(310)}&to=${dayOf(399)}`, d400: `domain=${one}&from=${dayOf(0)}&to=${dayOf(399)}`, all400: `from=${dayOf(0)}&to=${dayOf(399)}` };
  const lat = Object.fromEntries(Object.keys(ranges).map((k) => [k, []]));
  const last = {};
  for (let round = 0; round < 18; round++) {
    for (const [k, q] of Object.entries(ranges)) {
      const r = await admin('GET', `/api/summary?${q}`);
      assert.equal(r.status, 200, r.body.toString());
      if (round >= 3) lat[k].push(r.ms); // three rounds of warm-up
      last[k] = json(r).summary;
    }
  }
  // exact: each domain has 500 reports, 90 days of one domain are 90 × 25 / 20 of them
  assert.equal(last.d400.reports, 500);
  assert.equal(last.d90.reports, bodies.filter((_, i) => i % 20 === 7 && Math.floor(i / 25) % 400 >= 310).length);
  // over every domain (other tests' reports are in the range too): each of the 20 with its 500, failures exact
  const scale = last.all400.by_policy_domain.filter((b) => b.key.endsWith('.scale.example'));
  assert.deepEqual(scale.map((b) => b.reports), Array(20).fill(500));
  assert.equal(scale.reduce((a, b) => a + b.failed, 0), bodies.reduce((a, _, i) => a + (i % 3), 0));
  // every report of the domain reached through the paged listing
  const t0 = performance.now();
  const listed = await listAll(`domain=${one}`);
  const pagingMs = performance.now() - t0;
  assert.equal(new Set(listed.map((r) => r.key)).size, 500);
  const median = (k) => percentile([...lat[k]].sort((x, y) => x - y), 50);
  const stats = {
    reports: 10_000, domains: 20, days: 400, seed_seconds: +seeded.seconds.toFixed(1), ingest_per_second: +(10_000 / seeded.seconds).toFixed(1),
    summary_90d_median_ms: +median('d90').toFixed(1), summary_400d_median_ms: +median('d400').toFixed(1),
    ratio_400d_90d: +(median('d400') / median('d90')).toFixed(2), summary_all_domains_400d_median_ms: +median('all400').toFixed(1),
    listing_one_domain_ms: +pagingMs.toFixed(1),
  };
  console.log('scale:', JSON.stringify(stats));
  fs.writeFileSync(path.join(OUT, 'scale.json'), JSON.stringify(stats, null, 2));
});

test('migration 0002 on a store written before it: the backfill gives the rows and rollups ingest writes now', async () => {
  // reports as ingest writes them today (two domains, duplicates, anonymous ones), read back from the live index
  const domain = 'migrate.store.example';
  await putPolicy(domain, policyFor([`*.${domain}`]));
  await putPolicy('migrate-other.store.example', policyFor(['mx.migrate-other.store.example']));
  const bodies = Array.from({ length: 40 }, (_, i) => variedReport(i + 7000, domain, 'migrate-other.store.example'));
  assert.deepEqual((await postAll(bodies)).statuses, { 201: 40 });
  assert.deepEqual((await postAll(bodies.slice(0, 5))).statuses, { 200: 5 });
  // the same rows in a database at migration 0001 (without 0002's columns), then 0002 applied to it
  const ids = `(SELECT id FROM reports WHERE id IN (SELECT report FROM policies WHERE domain = '${domain}'))`;
  const out = execFileSync('python3', ['-c', `
import json, sqlite3, sys
live = sqlite3.connect(sys.argv[1])
old = sqlite3.connect(':memory:')
old.executescript(open(sys.argv[2]).read())
ids = sys.argv[4]
for table, where in [('reports', 'id IN ' + ids), ('policies', 'report IN ' + ids), ('failures', 'report IN ' + ids)]:
    cols = [r[1] for r in old.execute('PRAGMA table_info(%s)' % table)]
    rows = live.execute('SELECT %s FROM %s WHERE %s' % (', '.join(cols), table, where)).fetchall()
    old.executemany('INSERT INTO %s (%s) VALUES (%s)' % (table, ', '.join(cols), ', '.join('?' * len(cols))), rows)
old.executescript(open(sys.argv[3]).read())
q = {
  'arrivals': "SELECT domain, day, organization, via, dkim, reports, duplicates FROM daily_arrivals WHERE domain IN ('', 'migrate.store.example', 'migrate-other.store.example') ORDER BY 1, 2, 3, 4, 5",
  'failures': 'SELECT id, report_id FROM failures WHERE report IN ' + ids + ' ORDER BY id',
  'policies': 'SELECT id, received_at FROM policies WHERE report IN ' + ids + ' ORDER BY id',
}
print(json.dumps({k: [old.execute(v).fetchall(), live.execute(v).fetchall()] for k, v in q.items()}))
`, stateFile('d1'), path.join(ROOT, 'migrations/0001_report_index.sql'), path.join(ROOT, 'migrations/0002_summary_in_constant_time.sql'), ids]);
  const got = JSON.parse(out.toString());
  assert.ok(got.failures[1].length > 0 && got.policies[1].length >= 40);
  assert.deepEqual(got.failures[0], got.failures[1], 'failure details get their report-id');
  assert.deepEqual(got.policies[0], got.policies[1], 'policies get their receipt time');
  // the live rollup also counts other tests' reports under '': compare the per-domain rows, and the '' rows'
  // duplicates and report counts for these reports only through the per-domain ones
  const perDomain = (rows) => rows.filter((r) => r[0] !== '');
  assert.deepEqual(perDomain(got.arrivals[0]), perDomain(got.arrivals[1]), 'the arrivals rollup as ingest keeps it');
  const sum = (rows, k) => rows.filter((r) => r[0] === '').reduce((a, r) => a + r[k], 0);
  assert.equal(sum(got.arrivals[0], 5), 40);
  assert.equal(sum(got.arrivals[0], 6), 5);
});

test('retention on the cron: reports older than RETENTION_DAYS lose their rows, rollups and bytes; newer ones stay', async () => {
  const domain = 'retention.store.example';
  await putPolicy(domain, policyFor([`mx.${domain}`]));
  const rep = (d, id) => JSON.stringify({ 'organization-name': 'Old', 'report-id': id,
    'date-range': { 'start-datetime': `${d}T00:00:00Z`, 'end-datetime': `${d}T23:59:59Z` },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': domain }, summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 } }] });
  const old = await post(rep('2001-01-01', 'old-1'));
  const fresh = await post(rep('2026-11-30', 'new-1'));
  assert.equal(old.status, 201);
  assert.equal(fresh.status, 201);
  // the scheduled time decides "now": 2026-12-01, so 400 days back is 2025-10-27
  const r = await request('POST', `/cdn-cgi/local/scheduled?cron=${encodeURIComponent('17 3 * * *')}&time=${Date.UTC(2026, 11, 1)}`);
  assert.equal(r.status, 200, r.body.toString());
  const left = await listAll(`domain=${domain}`);
  assert.deepEqual(left.map((x) => x.meta.id), ['new-1']);
  assert.equal((await admin('GET', `/api/reports/${encodeURIComponent(json(old).key)}`)).status, 404, 'the bytes are gone');
  assert.equal((await admin('GET', `/api/reports/${encodeURIComponent(json(fresh).key)}`)).status, 200);
  const s = json(await admin('GET', `/api/summary?domain=${domain}&from=2001-01-01&to=2001-12-31`)).summary;
  assert.equal(s.reports, 0, 'rollups of the old days are gone too');
});
