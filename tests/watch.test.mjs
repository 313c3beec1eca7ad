// The watch on real workerd: reports seeded through ingest for two weeks, the cron run locally
// (/cdn-cgi/local/scheduled with a chosen time), and what a loopback webhook receiver and wrangler's local
// send_email got. Digest numbers against the stored totals, each alert once, resolved when it clears, thresholds,
// quiet hours, the five languages, failing and hanging webhooks, and the self-check against the testbed's DoH.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { request, admin, json, putPolicy, policyFor, sqlite, OUT, ROOT } from './lib.mjs';

const DOMAIN = 'watch-e2e.example';
const LANGS = { it: 'riepilogo dei report TLS', es: 'resumen de informes TLS', de: 'TLS-Berichte vom', ja: 'TLS レポートのまとめ' };
const langDomain = (l) => `lang-${l}-e2e.example`;
const J = '2026-03-08'; // the judged day of the first runs
const dayBefore = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const at = (day, hour) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

// ---- the loopback webhook receiver: /hook/<name> records; /fail answers 500; /hang never answers
const got = [];
let hooks;
let hookBase;
before(async () => {
  hooks = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      got.push({ path: req.url, body: JSON.parse(body || 'null'), at: Date.now() });
      if (req.url === '/hang') return; // never answered
      res.writeHead(req.url === '/fail' ? 500 : 204).end();
    });
  });
  await new Promise((r) => hooks.listen(0, '127.0.0.1', r));
  hookBase = `http://127.0.0.1:${hooks.address().port}`;
});
after(() => { hooks.closeAllConnections(); hooks.close(); });
const at_ = (p) => got.filter((g) => g.path === p);

// ---- reports
let seq = 0;
function report(domain, day, org, ok, failures = []) {
  const failed = failures.reduce((n, f) => n + f.count, 0);
  return JSON.stringify({
    'organization-name': org, 'contact-info': `tlsrpt@${org.toLowerCase().replace(/\W/g, '')}.test`,
    'report-id': `watch-${domain}-${day}-${org}-${++seq}`,
    'date-range': { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` },
    policies: [{
      policy: { 'policy-type': 'sts', 'policy-domain': domain, 'policy-string': policyFor([`mx1.${domain}`]).trim().split('\n'), 'mx-host': [`mx1.${domain}`] },
      summary: { 'total-successful-session-count': ok, 'total-failure-session-count': failed },
      'failure-details': failures.map((f) => ({ 'result-type': f.type, 'sending-mta-ip': f.ip || '192.0.2.7', 'receiving-mx-hostname': f.mx, 'failed-session-count': f.count })),
    }],
  });
}
async function upload(body) {
  const r = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body });
  assert.ok(r.status === 201 || r.status === 200, `upload: ${r.status} ${r.body}`);
}

/** Two weeks before J of two senders in good health (one known failure type), then J itself: Microsoft stopped
 * three days before, and 100 of Google's 1,000 sessions failed with a certificate problem at an MX the policy
 * does not name. */
async function seed(domain) {
  for (let i = 14; i >= 1; i--) {
    const day = dayBefore(J, i);
    const known = i === 10 ? [{ type: 'starttls-not-supported', mx: `mx1.${domain}`, count: 1 }] : [];
    await upload(report(domain, day, 'Google Inc.', 1000 - known.length, known));
    if (i > 3) await upload(report(domain, day, 'Microsoft Corporation', 500));
  }
  await upload(report(domain, J, 'Google Inc.', 900, [
    { type: 'certificate-expired', mx: `mx2.${domain}`, count: 60, ip: '198.51.100.1' },
    { type: 'certificate-expired', mx: `mx2.${domain}`, count: 40, ip: '198.51.100.2' },
  ]));
}

/** Runs the cron handler once at `ms`; resolves the time it took. */
async function cron(ms) {
  const t0 = performance.now();
  const r = await request('GET', `/cdn-cgi/local/scheduled?cron=${encodeURIComponent('7 * * * *')}&time=${ms}`);
  assert.equal(r.status, 200, `cron: ${r.body}`);
  return performance.now() - t0;
}

const put = async (domain, settings) => {
  const r = await admin('PUT', `/api/watch/${domain}`, { body: JSON.stringify(settings) });
  assert.equal(r.status, 200, `${domain}: ${r.body}`);
};
const history = async (domain) => json(await admin('GET', `/api/watch/${domain}/history?limit=500`)).history;
const watchCodes = (keys) => keys.filter((k) => k.startsWith('watch/')).sort();

/** The e-mails wrangler's local send_email wrote (it logs each file's path). */
function mails() {
  const log = fs.readFileSync(path.join(OUT, 'wrangler.log'), 'utf8');
  const files = [...log.matchAll(/(\/[^\s"']+\.eml)\b/g)].map((m) => m[1]);
  return [...new Set(files)].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
}

test('settings are checked: every bad field is a 400 naming it, and the defaults show for an unwatched domain', async () => {
  for (const [body, field] of [
    ['{"webhooks":[{"url":"http://hooks.example/x"}]}', 'webhooks[0].url'],
    ['{"lang":"fr"}', 'lang'], ['{"failure_rate":0}', 'failure_rate'], ['[]', 'body'], ['not json', 'body'],
    ['{"min_sessions":9007199254740993}', 'min_sessions'], ['{"quiet_hours":{"from":3,"to":3}}', 'quiet_hours'],
    [`{"email":[${Array(11).fill('"a@example.com"').join(',')}]}`, 'email'],
    [JSON.stringify({ webhooks: [{ url: `https://x.example/${'a'.repeat(20_000)}` }] }), 'body'],
  ]) {
    const r = await admin('PUT', '/api/watch/settings-e2e.example', { body });
    assert.equal(r.status, 400, `${field}: ${r.body}`);
    const d = json(r).error;
    assert.equal(d.code, 'api/bad-watch-settings', body.slice(0, 80));
    assert.match(d.message, new RegExp(field.replace(/[[\]]/g, '\\$&')), d.message);
  }
  assert.equal((await admin('PUT', '/api/watch/not..a..domain', { body: '{}' })).status, 400);
  assert.equal((await request('PUT', '/api/watch/x.example', { body: '{}' })).status, 401);
  assert.equal(json(await admin('GET', '/api/watch/settings-e2e.example/history?before=abc')).error.code, 'api/bad-cursor');
  assert.deepEqual(json(await admin('GET', '/api/watch/settings-e2e.example/history?limit=99999999999999999999')).history, []);
  const fresh = json(await admin('GET', '/api/watch/settings-e2e.example'));
  assert.equal(fresh.watched, false);
  assert.equal(fresh.settings.failure_rate, 5);
});

test('a seeded two weeks: the cron sends the digest and the right alerts once, in each language, and resolves them', async () => {
  // only this test's domains are watched
  for (const w of json(await admin('GET', '/api/watch')).domains) await admin('DELETE', `/api/watch/${w.domain}`);
  const domains = [DOMAIN, ...Object.keys(LANGS).map(langDomain)];
  for (const d of domains) {
    await putPolicy(d, policyFor([`mx1.${d}`]));
    await seed(d);
  }
  await put(DOMAIN, {
    lang: 'en',
    email: ['admin@watch-e2e.example'],
    webhooks: [
      { url: `${hookBase}/hook/json`, format: 'json' }, { url: `${hookBase}/hook/slack`, format: 'slack' },
      { url: `${hookBase}/hook/discord`, format: 'discord' }, { url: `${hookBase}/hook/teams`, format: 'teams' },
      { url: `${hookBase}/fail`, format: 'json' }, { url: `${hookBase}/hang`, format: 'slack' },
    ],
  });
  for (const l of Object.keys(LANGS)) {
    // ja: a threshold above the day's sessions, so its failure rate does not page; de: quiet from 6 to 8
    await put(langDomain(l), {
      lang: l, webhooks: [{ url: `${hookBase}/hook/${l}` }],
      ...(l === 'ja' ? { min_sessions: 5000 } : {}), ...(l === 'de' ? { quiet_hours: { from: 6, to: 8 } } : {}),
    });
  }

  // run 1: the morning after J
  const ms1 = await cron(at(dayBefore(J, -1), 7));
  const jsonHook = at_('/hook/json').map((g) => g.body);
  const digest = jsonHook.find((b) => b.type === 'digest');
  assert.ok(digest, `a digest: ${JSON.stringify(jsonHook.map((b) => b.type))}`);
  assert.equal(digest.day, J);
  const alerts = jsonHook.filter((b) => b.type === 'alert');
  assert.deepEqual(watchCodes(alerts.map((a) => a.alert.code + (a.alert.subject ? ` ${a.alert.subject}` : ''))), [
    'watch/failure-rate', `watch/mx-not-covered mx2.${DOMAIN}`, 'watch/new-result-type certificate-expired',
  ]);
  const rate = alerts.find((a) => a.alert.code === 'watch/failure-rate');
  assert.deepEqual([rate.alert.evidence.failed, rate.alert.evidence.sessions, rate.alert.evidence.rate], ['100', '1000', '10']);
  assert.match(rate.text, /Fix: /);

  // the digest's numbers are the store's
  const sum = json(await admin('GET', `/api/summary?domain=${DOMAIN}&from=${J}&to=${J}`)).summary;
  assert.equal(digest.digest.reports, sum.reports);
  assert.equal(digest.digest.sessions, sum.successful + sum.failed);
  assert.equal(digest.digest.failed, sum.failed);
  const week = json(await admin('GET', `/api/summary?domain=${DOMAIN}&from=${dayBefore(J, 7)}&to=${dayBefore(J, 1)}`)).summary;
  assert.equal(digest.digest.baseline_rate, (100 * week.successful) / (week.successful + week.failed));
  assert.deepEqual(digest.digest.result_types, [{ name: 'certificate-expired', failed: 100 }]);
  assert.deepEqual(digest.digest.failing_ips.map((t) => t.name), ['198.51.100.1', '198.51.100.2']);
  assert.deepEqual(digest.digest.stopped.map((s) => s.organization), ['Microsoft Corporation']);
  assert.equal(digest.digest.rollout.stage, 'testing');
  assert.equal(digest.digest.rollout.days, 15);
  assert.equal(digest.digest.rollout.ready, false);
  assert.match(digest.text, /Stopped reporting: Microsoft Corporation/);

  // chat shapes, each the same notices
  const count = (p) => at_(p).length;
  assert.equal(count('/hook/slack'), jsonHook.length);
  assert.ok(at_('/hook/slack').every((g) => typeof g.body.text === 'string'));
  assert.ok(at_('/hook/discord').every((g) => typeof g.body.content === 'string' && g.body.content.length <= 2000));
  assert.ok(at_('/hook/teams').every((g) => g.body.attachments[0].content.type === 'AdaptiveCard'));

  // the failing webhook was retried and given up on; the hanging one timed out within the run's budget
  const h = await history(DOMAIN);
  const tries = h.flatMap((n) => n.deliveries);
  const fails = tries.filter((t) => t.channel.endsWith('/fail'));
  assert.ok(fails.some((t) => t.attempt === 3 && t.status === 500), JSON.stringify(fails));
  assert.ok(fails.every((t) => !t.ok));
  const hangs = tries.filter((t) => t.channel.endsWith('/hang'));
  assert.ok(hangs.some((t) => /no answer within 2 s/.test(t.error)), JSON.stringify(hangs));
  assert.ok(hangs.some((t) => /budget/.test(t.error)), `the budget stopped the retries: ${JSON.stringify(hangs)}`);
  // every notice reached every good channel at its first attempt
  for (const n of h) {
    for (const p of ['json', 'slack', 'discord', 'teams']) {
      assert.ok(n.deliveries.some((t) => t.channel.endsWith(`/hook/${p}`) && t.ok && t.attempt === 1), `${n.kind} ${n.key} → ${p}`);
    }
    assert.match(n.reports, new RegExp(`/api/reports\\?domain=${DOMAIN}&from=${n.day}&to=${n.day}`));
  }
  const notices = h.length;
  // at most: the budget, then one 2 s first attempt per notice, plus the self-checks and D1 work
  assert.ok(ms1 < 8_000 + notices * 2_000 + 15_000, `run 1 took ${Math.round(ms1)} ms for ${notices} notices`);

  // e-mail, read back from wrangler's local send_email
  const sent = mails().filter((m) => /^To: admin@watch-e2e\.example/m.test(m));
  assert.ok(sent.some((m) => /X-Mtasts-Type: digest/.test(m)), `${sent.length} mails`);
  const digestMail = sent.find((m) => /X-Mtasts-Type: digest/.test(m));
  const bodyText = Buffer.from(digestMail.split('\r\n\r\n').slice(1).join('').replace(/\s+/g, ''), 'base64').toString('utf8');
  assert.equal(bodyText, digest.text);
  assert.match(digestMail, /^Auto-Submitted: auto-generated/m);

  // the languages; ja's threshold held its failure rate back; de was quiet at 7
  for (const [l, title] of Object.entries(LANGS)) {
    const mine = at_(`/hook/${l}`).map((g) => g.body);
    if (l === 'de') {
      assert.equal(mine.length, 0, 'quiet hours');
      continue;
    }
    const d = mine.find((b) => b.type === 'digest');
    assert.ok(d && d.title.includes(title), `${l}: ${d?.title}`);
    const codes = watchCodes(mine.filter((b) => b.type === 'alert').map((b) => b.alert.code));
    assert.deepEqual(codes, l === 'ja'
      ? ['watch/mx-not-covered', 'watch/new-result-type']
      : ['watch/failure-rate', 'watch/mx-not-covered', 'watch/new-result-type'], l);
    assert.ok(!mine.some((b) => /watch--|\{ ?\$/.test(b.text)), `${l}: every message rendered`);
  }

  // run 2, an hour later: nothing new anywhere (de's quiet hours end at 8: its held notices go out now)
  const before2 = got.length;
  await cron(at(dayBefore(J, -1), 8));
  const new2 = got.slice(before2);
  assert.deepEqual(new2.filter((g) => !g.path.startsWith('/hook/de')).map((g) => g.path), [], 'no repeats');
  const de = new2.filter((g) => g.path === '/hook/de').map((g) => g.body);
  assert.ok(de.some((b) => b.type === 'digest' && b.title.includes(LANGS.de)), 'de: the held digest');
  assert.deepEqual(watchCodes(de.filter((b) => b.type === 'alert').map((b) => b.alert.code)),
    ['watch/failure-rate', 'watch/mx-not-covered', 'watch/new-result-type']);

  // the next day is healthy: the three alerts resolve, once
  const J1 = dayBefore(J, -1);
  await upload(report(DOMAIN, J1, 'Google Inc.', 1000));
  const before3 = got.length;
  await cron(at(dayBefore(J, -2), 7));
  const third = got.slice(before3).filter((g) => g.path === '/hook/json').map((g) => g.body);
  assert.deepEqual(watchCodes(third.filter((b) => b.type === 'resolved').map((b) => b.resolved.key)), [
    'watch/failure-rate', `watch/mx-not-covered mx2.${DOMAIN}`, 'watch/new-result-type certificate-expired',
  ]);
  assert.equal(third.filter((b) => b.type === 'alert' && b.alert.code.startsWith('watch/')).length, 0);
  assert.equal(third.find((b) => b.type === 'digest')?.digest.failed, 0);
  const open = json(await admin('GET', `/api/watch/${DOMAIN}`)).open_alerts;
  assert.deepEqual(watchCodes(open.map((o) => o.key)), []);
  const before4 = got.length;
  await cron(at(dayBefore(J, -2), 9));
  assert.equal(got.slice(before4).filter((g) => g.path === '/hook/json').length, 0, 'resolved once');

  fs.writeFileSync(path.join(OUT, 'watch.json'), JSON.stringify({ run1_ms: Math.round(ms1), notices, digest: digest.text }, null, 2));
});

test('the CLI gives the same alerts from the same reports', async () => {
  // see tests for `mtasts report --alert`: the worker's stored reports of DOMAIN, downloaded raw
  const list = json(await admin('GET', `/api/reports?domain=${DOMAIN}&to=${J}&limit=1000`)).reports;
  assert.ok(list.length >= 20, `${list.length} reports`);
  const dir = fs.mkdtempSync(path.join(OUT, 'watch-cli-'));
  for (const [i, r] of list.entries()) {
    const raw = await admin('GET', `/api/reports/${encodeURIComponent(r.key)}?raw=1`);
    fs.writeFileSync(path.join(dir, `${i}.json`), raw.body);
  }
  const { spawnSync } = await import('node:child_process');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const cli = spawnSync(path.join(ROOT, 'target/debug/mtasts'), ['report', ...files, '--alert', '--day', J, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(cli.status, 1, `an alert fired: exit 1 (${cli.stderr})`);
  const out = JSON.parse(cli.stdout);
  assert.deepEqual(watchCodes(out.alerts.map((a) => a.code + (a.subject ? ` ${a.subject}` : ''))), [
    'watch/failure-rate', `watch/mx-not-covered mx2.${DOMAIN}`, 'watch/new-result-type certificate-expired',
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const skipBed = process.env.TESTBED_SKIP || (!process.env.TESTBED && 'TESTBED is not set: run through scripts/e2e.sh');

test('self-check: a policy changed without a new id, and a reporting record elsewhere, raise their alerts', { skip: skipBed }, async () => {
  const bed = JSON.parse(fs.readFileSync(process.env.TESTBED, 'utf8'));
  const domain = 'changed.check.test';
  await put(domain, { webhooks: [{ url: `${hookBase}/hook/self` }], digest: false });
  await cron(at('2026-03-20', 7));
  const u = new URL(bed.doh_url);
  await new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/next-policy', method: 'POST' }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('error', reject);
    req.end();
  });
  await cron(at('2026-03-20', 8));
  const codes = at_('/hook/self').map((g) => g.body.alert?.code);
  assert.ok(codes.includes('check/id-not-changed'), JSON.stringify(codes));
  assert.ok(codes.includes('watch/rua-elsewhere'), JSON.stringify(codes));
  const drift = at_('/hook/self').find((g) => g.body.alert?.code === 'check/id-not-changed').body;
  assert.match(drift.alert.fix, /id=/);
  await admin('DELETE', `/api/watch/${domain}`);
});

test('the /watch page: asks for the token (saying where it lives), then shows alerts, settings and history, and saves settings through the same checks', async () => {
  const form = (fields) => request('POST', '/watch?lang=en', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
  });
  const ask = await request('GET', '/watch?lang=it');
  assert.equal(ask.status, 200);
  assert.match(ask.body.toString(), /name="token"/);
  assert.match(ask.body.toString(), /<code>ADMIN_TOKEN<\/code>/);
  assert.match(ask.body.toString(), /lang="it"/);
  assert.equal(ask.headers['cache-control'], 'no-store');
  assert.match(ask.headers['content-security-policy'], /form-action 'self'/);
  const wrong = await form({ token: 'nope', domain: DOMAIN });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.toString(), /not this deployment(&#39;|')s admin token/);
  const bad = await form({ token: process.env.ADMIN_TOKEN, domain: 'https://x/' });
  assert.equal(bad.status, 400);
  const page = (await form({ token: process.env.ADMIN_TOKEN, domain: DOMAIN })).body.toString();
  assert.match(page, /id="watch-history"/);
  for (const n of await history(DOMAIN)) assert.ok(page.includes(n.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')), n.title);
  assert.match(page, new RegExp(`href="/stored\\?domain=${DOMAIN}&amp;from=${J}&amp;to=${J}"`));
  assert.match(page, /id="watch-settings"/);
  // a save with a plain-http webhook is refused naming the field, and nothing changes
  const refused = await form({ token: process.env.ADMIN_TOKEN, domain: DOMAIN, action: 'save', webhooks: 'http://hooks.example/x slack', lang: 'en', digest: 'on' });
  assert.equal(refused.status, 400);
  assert.match(refused.body.toString(), /webhooks\[0\]\.url/);
  assert.equal(json(await admin('GET', `/api/watch/${DOMAIN}`)).settings.webhooks.length, 6);
  const half = await form({ token: process.env.ADMIN_TOKEN, domain: DOMAIN, action: 'save', quiet_from: '22', lang: 'en' });
  assert.equal(half.status, 400, 'one end of the quiet hours alone is refused');
  assert.equal((await form({ token: 'x'.repeat(70_000) })).status, 413);
  const saved = await form({
    token: process.env.ADMIN_TOKEN, domain: 'page-e2e.example', action: 'save', webhooks: `${hookBase}/hook/page teams\n`,
    email: 'a@page-e2e.example', lang: 'ja', failure_rate: '2.5', min_sessions: '10', silent_days: '5', digest: 'on', digest_hour: '9', quiet_from: '22', quiet_to: '6',
  });
  assert.equal(saved.status, 200, saved.body.toString().slice(0, 500));
  const s = json(await admin('GET', '/api/watch/page-e2e.example')).settings;
  assert.deepEqual([s.webhooks[0].format, s.lang, s.failure_rate, s.min_sessions, s.silent_days, s.digest_hour, s.quiet_hours], ['teams', 'ja', 2.5, 10, 5, 9, { from: 22, to: 6 }]);
  await admin('DELETE', '/api/watch/page-e2e.example');
});

test('retention: the watch history and resolved alerts past RETENTION_DAYS go with the reports', async () => {
  const before = await history(DOMAIN);
  assert.ok(before.length > 0);
  // 413 days after J: the cutoff (400 days) falls after every notice so far (the last run was on J + 12) and
  // every resolution
  const later = at(dayBefore(J, -413), 7);
  await cron(later);
  const cutoff = later / 1000 - 400 * 86_400;
  const after = await history(DOMAIN);
  assert.ok(after.every((n) => n.sent_at >= cutoff), JSON.stringify(after.map((n) => [n.kind, n.sent_at])));
  assert.ok(!after.some((n) => before.some((b) => b.sent_at === n.sent_at && b.title === n.title)), `no notice from before the cutoff is left: ${JSON.stringify([before.map((n) => [n.id, n.sent_at]), after.map((n) => [n.id, n.sent_at]), cutoff])}`);
  const resolved = sqlite('d1', [`SELECT COUNT(*) FROM watch_alerts WHERE domain = '${DOMAIN}' AND resolved IS NOT NULL`]);
  assert.deepEqual(resolved, [[0]], 'resolved alerts of before the cutoff are gone');
  const orphans = sqlite('d1', ['SELECT COUNT(*) FROM watch_deliveries WHERE history NOT IN (SELECT id FROM watch_history)']);
  assert.deepEqual(orphans, [[0]], 'no delivery attempt outlives its notice');
});
