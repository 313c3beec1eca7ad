// The worker on real workerd (wrangler dev, local KV): policy host, ingest, admin API, refusals, load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { listAll, request, admin, json, putPolicy, policyFor, expected, CORPUS, OUT, ROOT, percentile, sqlite } from './lib.mjs';

const GOOD = 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n';
const getPolicy = (host, method = 'GET') => request(method, '/.well-known/mta-sts.txt', { headers: { Host: host } });

test('policy host: 200, text/plain, CRLF, cache, no cookie, no redirect; HEAD; 405; unknown hosts 404', async () => {
  await putPolicy('example.com', GOOD);
  const r = await getPolicy('mta-sts.example.com');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(r.headers['cache-control'], 'max-age=60');
  assert.equal(r.headers['set-cookie'], undefined);
  assert.equal(r.body.toString(), GOOD.replaceAll('\n', '\r\n'));
  const withPort = await getPolicy('MTA-STS.Example.com:443');
  assert.equal(withPort.status, 200);
  const head = await getPolicy('mta-sts.example.com', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  // PROPFIND and other methods workers-rs does not know must not be read as GET (RFC 8461 §3.3: GET only)
  for (const m of ['POST', 'PUT', 'DELETE', 'PROPFIND', 'MKCOL']) {
    const x = await getPolicy('mta-sts.example.com', m);
    assert.equal(x.status, 405, m);
    assert.equal(x.headers.allow, 'GET, HEAD');
    assert.equal(json(x).error.code, 'http/method-not-allowed', m);
  }
  // RFC 8461 §3.3: a policy path never redirects; odd spellings of it reach the worker and get 404, not a 307
  for (const odd of ['//.well-known/mta-sts.txt', '/%2ewell-known/mta-sts.txt', '/%2Ewell-known/mta-sts.txt']) {
    const x = await request('GET', odd, { headers: { Host: 'mta-sts.example.com' } });
    assert.equal(x.status, 404, odd);
    assert.equal(x.headers.location, undefined, odd);
  }
  assert.equal((await getPolicy('mta-sts.unknown-domain.org')).status, 404);
  assert.equal((await getPolicy('example.com')).status, 404);
  assert.equal((await getPolicy('127.0.0.1')).status, 404);
});

test('an invalid policy is refused when set (422 with diagnostics) and never served (fail closed: 503)', async () => {
  const bad = await admin('PUT', '/api/policies/bad.example', { body: 'version: STSv1\nmode: enforce\nmax_age: 86400\n' });
  assert.equal(bad.status, 422);
  const body = json(bad);
  assert.equal(body.error.code, 'api/invalid-policy');
  assert.equal(body.error.severity, 'error');
  assert.equal(body.error.rfc, 'RFC 8461 §3.2');
  assert.ok(body.details.some((d) => d.code === 'policy/missing-mx'));
  assert.ok(body.details.every((d) => d.line >= 1), 'details point into the policy');
  // Put a broken policy straight into KV, as `wrangler kv key put` would: the worker must not serve it.
  execFileSync('wrangler', ['kv', 'key', 'put', '--binding', 'MTASTS', '--local', '--persist-to', process.env.KV_STATE,
    'policy:broken.example', 'garbage'], { cwd: ROOT, stdio: 'pipe' });
  const r = await getPolicy('mta-sts.broken.example');
  assert.equal(r.status, 503);
  assert.equal(json(r).error.code, 'policy/invalid-stored');
});

test('admin API: tokens, CORS only for the site origin, records with an id that follows the policy', async () => {
  assert.equal((await request('GET', '/api/reports')).status, 401);
  assert.equal((await request('GET', '/api/reports', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await request('GET', '/api/reports', { headers: { Authorization: 'Basic abc' } })).status, 401);
  assert.equal((await admin('GET', '/api/reports')).status, 200);
  const evil = await admin('GET', '/api/reports', { headers: { Origin: 'https://evil.example' } });
  assert.equal(evil.headers['access-control-allow-origin'], undefined);
  assert.equal((await admin('GET', '/api/reports?from=yesterday')).status, 400);
  assert.equal((await admin('GET', '/api/reports?domain=not_a_domain')).status, 400);
  assert.equal((await admin('GET', '/api/nothing')).status, 404);
  await putPolicy('records.example', policyFor(['mx.records.example']));
  const a = json(await admin('GET', '/api/records?domain=records.example'));
  assert.match(a.sts.value, /^v=STSv1; id=[0-9a-f]{32}$/);
  // this deployment's mailbox first (REPORT_MAILTO, scripts/e2e.sh), then its HTTPS endpoint (RFC 8460 §3)
  assert.equal(a.tlsrpt.value, 'v=TLSRPTv1; rua=mailto:tlsrpt@reports.example.com,https://mta-sts.records.example/v1/tlsrpt');
  const same = json(await admin('GET', '/api/records?domain=records.example'));
  assert.equal(same.id, a.id);
  await putPolicy('records.example', policyFor(['mx.records.example', 'mx2.records.example']));
  const b = json(await admin('GET', '/api/records?domain=records.example'));
  assert.notEqual(b.id, a.id);
  assert.equal((await admin('GET', '/api/records?domain=none.example')).status, 404);
});

const reportRows = expected().filter((r) => r[0] === 'report');
const domainsOf = (buf) => {
  try { return JSON.parse(buf).policies.map((p) => p.policy['policy-domain']); } catch { return []; }
};

test('every corpus report is stored with its totals, as JSON and as gzip; re-posts are duplicates', async () => {
  for (const d of ['company-y.example', 'foo-bar.io', 'cardinalhealth.ca', 'example.com', 'random.net', 'server.com', 'xxxxxxxx.xx']) {
    await putPolicy(d, policyFor([`mx.${d}`]));
  }
  const stored = new Map();
  for (const [, file, org, id, , ok, failed] of reportRows) {
    const bytes = fs.readFileSync(path.join(CORPUS, file));
    const type = file.endsWith('.gz') ? 'application/tlsrpt+gzip' : file.endsWith('.json') ? 'application/tlsrpt+json' : undefined;
    const headers = type ? { 'Content-Type': type } : {};
    const r = await request('POST', '/v1/tlsrpt', { headers, body: bytes });
    assert.ok(r.status === 201 || r.status === 200, `${file}: ${r.status} ${r.body}`);
    const b = json(r);
    assert.equal(b.organization, org, file);
    assert.equal(b.report_id, id, file);
    assert.equal(b.successful, Number(ok), file);
    assert.equal(b.failed, Number(failed), file);
    if (stored.has(b.key)) assert.equal(b.status, 'duplicate', file);
    stored.set(b.key, { ok: Number(ok), failed: Number(failed) });
    if (file.endsWith('.json')) {
      // The same report again, gzip-compressed, with the raw-gzip habit of some senders (no Content-Encoding).
      const again = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+gzip' }, body: zlib.gzipSync(bytes) });
      assert.equal(again.status, 200, file);
      assert.equal(json(again).status, 'duplicate');
      const untyped = await request('POST', '/v1/tlsrpt', { body: bytes });
      assert.equal(untyped.status, 200, `${file} without a type`);
    }
  }
  // The Google e-mail and its saved attachment are one report.
  assert.equal(stored.size, reportRows.length - 1);
  const list = { reports: await listAll() };
  const keys = new Set(list.reports.map((x) => x.key));
  for (const [key, want] of stored) {
    assert.ok(keys.has(key), key);
    const meta = list.reports.find((x) => x.key === key).meta;
    assert.equal(meta.s, want.ok, key);
    assert.equal(meta.f, want.failed, key);
  }
  // summed over this test's domains: other suites store reports for their own (rules.example)
  const sum = { successful: 0, failed: 0, reports: 0 };
  for (const d of ['company-y.example', 'foo-bar.io', 'cardinalhealth.ca', 'example.com', 'random.net', 'server.com', 'xxxxxxxx.xx']) {
    const s = json(await admin('GET', `/api/summary?domain=${d}`)).summary;
    for (const k of Object.keys(sum)) sum[k] += s[k];
  }
  const want = [...stored.values()].reduce((a, x) => ({ ok: a.ok + x.ok, failed: a.failed + x.failed }), { ok: 0, failed: 0 });
  assert.equal(sum.successful, want.ok);
  assert.equal(sum.failed, want.failed);
  assert.equal(sum.reports, stored.size);
  const rfc = json(await admin('GET', '/api/summary?domain=company-y.example&from=2016-04-01&to=2016-04-01')).summary;
  assert.deepEqual([rfc.reports, rfc.successful, rfc.failed, rfc.failures.length], [1, 5326, 303, 3]);
  // One report, parsed and raw.
  const key = [...stored.keys()].find((k) => k.startsWith('report:company-y.example:'));
  const one = json(await admin('GET', `/api/reports/${encodeURIComponent(key)}`));
  assert.equal(one.report['organization-name'], 'Company-X');
  assert.ok(one.warnings.some((w) => w.code === 'report/mx-host-string'));
  // the parsed view is the report as RFC 8460 §4.4 writes it: plain numbers, absent fields absent
  const summary = one.report.policies[0].summary;
  assert.equal(typeof summary['total-successful-session-count'], 'number');
  assert.ok(!JSON.stringify(one.report).includes('"value":'));
  // a key past KV's 512 bytes, or not one of ours: 400, never a 503
  const long = await admin('GET', `/api/reports/${encodeURIComponent('report:' + 'a'.repeat(600))}`);
  assert.equal(long.status, 400);
  assert.equal(json(long).error.code, 'api/bad-key');
  const raw = await admin('GET', `/api/reports/${encodeURIComponent(key)}?raw=1`);
  assert.deepEqual(raw.body, fs.readFileSync(path.join(CORPUS, 'reports/rfc8460-example.json')));
});

test('JSON that names an organization but carries no policies is refused as not a report, saying so (nothing stored)', async () => {
  for (const body of ['{"organization-name":"X"}', '{"organization-name":"X","report-id":"r1","date-range":{"start-datetime":"2026-01-01T00:00:00Z"}}']) {
    const r = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
    assert.equal(r.status, 400, r.body.toString());
    const e = json(r).error;
    assert.equal(e.code, 'report/not-report');
    assert.match(e.message, /policies/);
  }
});

test('refusals: 405, 415, 400 with the reason, 403 for domains not served, 413 for big bodies and gzip bombs', async () => {
  const r405 = await request('GET', '/v1/tlsrpt');
  assert.equal(r405.status, 405);
  assert.equal(r405.headers.allow, 'POST');
  assert.equal(r405.headers['x-content-type-options'], 'nosniff');
  const cases = [
    ['text/html', '<html></html>', 415, 'ingest/unsupported-type'],
    ['multipart/form-data; boundary=x', '--x--', 415, 'ingest/unsupported-type'],
    ['application/tlsrpt+json', '', 400, 'ingest/empty-body'],
    ['application/tlsrpt+json', '{"report-id": ', 400, 'report/bad-json'],
    ['application/tlsrpt+json', '{"hello": "world"}', 400, 'report/not-report'],
    ['application/tlsrpt+json', '[1,2,3]', 400, 'report/not-report'],
    ['application/tlsrpt+gzip', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), 400, 'report/bad-gzip'],
    ['application/octet-stream', Buffer.from([0, 1, 2, 250, 251]), 400, 'report/unknown-format'],
  ];
  for (const [type, body, status, code] of cases) {
    const r = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': type }, body });
    assert.equal(r.status, status, `${type} ${String(body).slice(0, 20)}: ${r.body}`);
    assert.equal(json(r).error.code, code);
  }
  const foreign = JSON.parse(fs.readFileSync(path.join(CORPUS, 'reports/rfc8460-example.json'), 'utf8'));
  foreign.policies[0].policy['policy-domain'] = 'not-ours.example';
  foreign['report-id'] = 'foreign-1';
  const r403 = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body: JSON.stringify(foreign) });
  assert.equal(r403.status, 403);
  const big = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body: Buffer.alloc(9 << 20, 0x20) });
  assert.equal(big.status, 413);
  // 1 GB of zeros, gzip-compressed to about 1 MB: refused in bounded memory and time.
  const gz = zlib.createGzip({ level: 9 });
  const parts = [];
  gz.on('data', (c) => parts.push(c));
  const done = new Promise((res) => gz.on('end', res));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < 1024; i++) gz.write(zeros);
  gz.end();
  await done;
  const bomb = Buffer.concat(parts);
  const t0 = performance.now();
  const rb = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+gzip' }, body: bomb });
  assert.equal(rb.status, 413);
  assert.equal(json(rb).error.code, 'report/inflated-too-large');
  console.log(`gzip bomb: ${(bomb.length / 1e6).toFixed(2)} MB compressed (1 GB inflated) refused in ${(performance.now() - t0).toFixed(0)} ms`);
  // the worker is still fine
  assert.equal((await getPolicy('mta-sts.example.com')).status, 200);
});

function loadReport(i) {
  return JSON.stringify({
    'organization-name': `Sender ${i % 7}`,
    'date-range': { 'start-datetime': `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T00:00:00Z`, 'end-datetime': `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T23:59:59Z` },
    'contact-info': 'tlsrpt@sender.example',
    'report-id': `load-${i}`,
    policies: [{
      policy: { 'policy-type': 'sts', 'policy-domain': 'load.example', 'mx-host': ['mx.load.example'] },
      summary: { 'total-successful-session-count': 10, 'total-failure-session-count': i % 3 },
      ...(i % 3 ? { 'failure-details': [{ 'result-type': 'certificate-expired', 'sending-mta-ip': '192.0.2.1', 'receiving-mx-hostname': 'mx.load.example', 'failed-session-count': i % 3 }] } : {}),
    }],
  });
}

test('load: 10,000 uploads from 200 concurrent clients, 30 % duplicates → exactly the unique reports in D1 and KV, no 5xx', async () => {
  await putPolicy('load.example', policyFor(['mx.load.example']));
  const unique = 7000;
  const clients = 200;
  const jobs = [];
  for (let i = 0; i < unique; i++) jobs.push(i);
  for (let i = 0; i < 3000; i++) jobs.push((i * 7) % unique); // duplicates
  // A deterministic Fisher-Yates shuffle spreads the duplicates through the run. Some land next to their
  // original and race it: UNIQUE (identity) in D1 lets one count, and both write the same KV key.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }
  const lat = [];
  const statuses = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < jobs.length) {
      const i = jobs[next++];
      const body = i % 2 ? zlib.gzipSync(loadReport(i)) : loadReport(i);
      const r = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': i % 2 ? 'application/tlsrpt+gzip' : 'application/tlsrpt+json' }, body });
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      lat.push(r.ms);
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const stats = {
    uploads: jobs.length, clients, seconds: +secs.toFixed(2), per_second: +(jobs.length / secs).toFixed(1),
    p50_ms: +percentile(lat, 50).toFixed(1), p95_ms: +percentile(lat, 95).toFixed(1), p99_ms: +percentile(lat, 99).toFixed(1), statuses,
  };
  console.log('load:', JSON.stringify(stats));
  fs.writeFileSync(path.join(OUT, 'load.json'), JSON.stringify(stats, null, 2));
  assert.equal(Object.keys(statuses).filter((s) => s >= 500).length, 0, JSON.stringify(statuses));
  assert.equal((statuses[201] || 0) + (statuses[200] || 0), jobs.length, JSON.stringify(statuses));
  const list = await listAll('domain=load.example');
  assert.equal(list.length, unique, 'exactly the unique reports, reached page by page');
  assert.equal(new Set(list.map((x) => x.key)).size, unique);
  const sum = json(await admin('GET', '/api/summary?domain=load.example')).summary;
  assert.equal(sum.reports, unique, 'the summary counts each once');
  assert.equal(sum.duplicates, 3000, 'and counts the 3,000 copies as duplicates');
  // counted in the stores themselves, from outside the worker
  assert.deepEqual(sqlite('d1', ["SELECT COUNT(*), SUM(duplicates) FROM reports WHERE domain = 'load.example'"]), [[unique, 3000]]);
  assert.deepEqual(sqlite('kv', ["SELECT COUNT(*) FROM _mf_entries WHERE key LIKE 'report:load.example:%'"]), [[unique]]);
});

test('benchmark: median latency of a policy GET and of a 1 MB report ingest on local workerd', async () => {
  const pol = [];
  for (let i = 0; i < 200; i++) pol.push((await getPolicy('mta-sts.example.com')).ms);
  pol.sort((a, b) => a - b);
  const details = [];
  let n = 0;
  while (JSON.stringify(details).length < 1_000_000) {
    details.push({ 'result-type': 'validation-failure', 'sending-mta-ip': `198.51.100.${n % 250}`, 'receiving-mx-hostname': `mx${n}.bench.example`, 'receiving-ip': '203.0.113.5', 'failed-session-count': 1, 'failure-reason-code': 'X509_V_ERR_CERT_HAS_EXPIRED' });
    n++;
  }
  await putPolicy('bench.example', policyFor(['*.bench.example']));
  const ing = [];
  for (let i = 0; i < 15; i++) {
    const body = JSON.stringify({ 'organization-name': 'Bench', 'date-range': { 'start-datetime': '2026-11-01T00:00:00Z', 'end-datetime': '2026-11-01T23:59:59Z' }, 'contact-info': 'x@bench.example', 'report-id': `bench-${i}`,
      policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'bench.example' }, summary: { 'total-successful-session-count': 0, 'total-failure-session-count': n }, 'failure-details': details }] });
    const r = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
    assert.equal(r.status, 201, String(r.body));
    ing.push(r.ms);
  }
  ing.sort((a, b) => a - b);
  const stats = { policy_get_median_ms: +percentile(pol, 50).toFixed(2), policy_get_p95_ms: +percentile(pol, 95).toFixed(2), ingest_1mb_median_ms: +percentile(ing, 50).toFixed(1), ingest_1mb_details: n };
  console.log('latency:', JSON.stringify(stats));
  fs.writeFileSync(path.join(OUT, 'latency.json'), JSON.stringify(stats, null, 2));
});

test('every refusal is a diagnostic in the language asked (lang=, else Accept-Language), codes stable', async () => {
  const want = { en: /domain/, it: /dominio/, es: /dominio/, de: /Domain/, ja: /ドメイン/ };
  const texts = new Set();
  for (const [lang, re] of Object.entries(want)) {
    const byQuery = json(await request('GET', `/api/check?domain=https://x.example/&lang=${lang}`));
    const byHeader = json(await request('GET', '/api/check?domain=https://x.example/', { headers: { 'Accept-Language': `${lang};q=0.9, fr;q=1` } }));
    for (const body of [byQuery, byHeader]) {
      assert.equal(body.error.code, 'check/bad-domain', lang);
      assert.equal(body.error.severity, 'error');
      assert.equal(body.error.rfc, 'RFC 5321 §4.1.2');
      assert.match(body.error.message, re, `${lang}: ${body.error.message}`);
      assert.ok(body.error.fix, lang);
    }
    assert.equal(byQuery.error.message, byHeader.error.message, lang);
    texts.add(byQuery.error.message);
  }
  assert.equal(texts.size, 5, 'five distinct texts');
  const nf = await request('GET', '/v1/nothing-here', { headers: { 'Accept-Language': 'de' } });
  assert.equal(nf.status, 404);
  assert.equal(json(nf).error.code, 'http/not-found');
  assert.match(json(nf).error.message, /nichts/);
});

test('reports without organization and report-id are told apart by their content, not lost as duplicates', async () => {
  await putPolicy('anonymous.example', policyFor(['mx.anonymous.example']));
  const rep = (ok) => JSON.stringify({
    'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'anonymous.example' },
      summary: { 'total-successful-session-count': ok, 'total-failure-session-count': 0 } }],
  });
  const post = (body) => request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
  const a = await post(rep(5));
  const b = await post(rep(6));
  assert.equal(a.status, 201, a.body.toString());
  assert.equal(b.status, 201, 'a different report without ids is stored too');
  assert.notEqual(json(a).key, json(b).key);
  const again = await post(rep(5));
  assert.equal(again.status, 200);
  assert.equal(json(again).status, 'duplicate');
  const sum = json(await admin('GET', '/api/summary?domain=anonymous.example')).summary;
  assert.equal(sum.successful, 11);
});

test('counts past 2^53 - 1 are refused naming the field (never a 503), and a report without a start is filed by its end', async () => {
  await putPolicy('huge-counts.example', policyFor(['mx.huge-counts.example']));
  const post = (body) => request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
  const rep = (ok, failed, extra = '') => `{"organization-name": "Huge", "report-id": "huge-${ok}-${extra.length}",
    "date-range": {"start-datetime": "not a date", "end-datetime": "2026-11-29T23:59:59Z"},
    "policies": [{"policy": {"policy-type": "sts", "policy-domain": "huge-counts.example"},
      "summary": {"total-successful-session-count": ${ok}, "total-failure-session-count": ${failed}}}${extra}]}`;
  const second = (ok) => `, {"policy": {"policy-type": "sts", "policy-domain": "huge-counts.example"},
      "summary": {"total-successful-session-count": ${ok}, "total-failure-session-count": 0}}`;
  for (const [body, field] of [
    [rep('9007199254740992', 1), 'policies[0].summary.total-successful-session-count'],
    [rep(1, '18446744073709551615'), 'policies[0].summary.total-failure-session-count'],
    [rep(1, '99999999999999999999999'), 'policies[0].summary.total-failure-session-count'],
    [rep('4503599627370496', 0, second('4503599627370496')), 'policies[*].summary.total-successful-session-count (sum)'],
  ]) {
    const r = await post(body);
    assert.equal(r.status, 400, r.body.toString());
    assert.equal(json(r).error.code, 'ingest/count-too-large');
    assert.ok(json(r).error.message.includes(field), json(r).error.message);
  }
  // the largest exact count is stored, and read back exact
  const max = '9007199254740991';
  const r = await post(rep(max, 1));
  assert.equal(r.status, 201, r.body.toString());
  assert.match(r.body.toString(), new RegExp(`"successful":${max}`));
  assert.match(json(r).key, /:2026-11-29:/, 'filed under the end day, not 0000-00-00');
  const listed = json(await admin('GET', '/api/reports?domain=huge-counts.example&from=2026-11-29&to=2026-11-29')).reports;
  assert.equal(listed.length, 1);
  assert.equal(String(listed[0].meta.s), max);
  const sum = json(await admin('GET', '/api/summary?domain=huge-counts.example&from=2026-11-29&to=2026-11-29')).summary;
  assert.equal(String(sum.successful), max, 'the summary is exact too');
});

test('an e-mail of 10,000 forwards inside forwards is refused before parsing (it used to overflow the stack)', async () => {
  let msg = 'From: a@reporter.test\r\n\r\nhi\r\n';
  for (let i = 0; i < 10_000; i++) msg = `From: a@reporter.test\r\nContent-Type: message/rfc822\r\n\r\n${msg}`;
  const r = await request('POST', '/v1/tlsrpt', { body: msg });
  assert.equal(r.status, 413, r.body.toString().slice(0, 300));
  assert.equal(json(r).error.code, 'report/too-deeply-nested');
  // and the worker still answers
  assert.equal((await request('GET', '/rules?format=json')).status, 200);
});

test('a second copy with other content is a duplicate that says so; absurd rule names get a short 404', async () => {
  await putPolicy('second-copy.example', policyFor(['mx.second-copy.example']));
  const rep = (ok) => JSON.stringify({ 'organization-name': 'Second', 'report-id': 'same-id',
    'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'second-copy.example' },
      summary: { 'total-successful-session-count': ok, 'total-failure-session-count': 0 } }] });
  const post = (body) => request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
  assert.equal((await post(rep(10))).status, 201);
  const other = await post(rep(99));
  assert.equal(other.status, 200);
  const b = json(other);
  assert.equal(b.status, 'duplicate');
  assert.equal(b.successful, 10, 'the stored copy is what the answer shows');
  assert.equal(b.differs, true, 'and it says this copy differs');
  assert.equal(json(await admin('GET', '/api/summary?domain=second-copy.example')).summary.successful, 10);
  const long = await request('GET', `/rules/${'x'.repeat(10_000)}`);
  assert.equal(long.status, 404);
  assert.ok(long.body.length < 8_000, `${long.body.length} bytes`);
});
