// The live check through the worker (GET /api/check on workerd) against mtasts-testbed — DNS over HTTPS and
// HTTPS policy hosts on loopback, one *.check.test domain per case — compared with `mtasts check` on the same
// domains: the same verdicts both ways (the CLI also tests STARTTLS; here it runs with --no-smtp like the worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { request, json, ROOT, BASE, OUT } from './lib.mjs';
import { launch } from './browser.mjs';

const skip = process.env.TESTBED_SKIP || (!process.env.TESTBED && 'TESTBED is not set: run through scripts/e2e.sh');
const bed = process.env.TESTBED ? JSON.parse(fs.readFileSync(process.env.TESTBED, 'utf8')) : { cases: [] };
const CLI = path.join(ROOT, 'target/debug/mtasts');

// Each call comes from its own documentation address (RFC 5737), so only the rate-limit test meets the limit.
let client = 0;
const check = (domain, lang) =>
  request('GET', `/api/check?domain=${encodeURIComponent(domain)}${lang ? `&lang=${lang}` : ''}`,
    { headers: { 'CF-Connecting-IP': `192.0.2.${++client % 250}` } });

function cli(domain, extra = []) {
  const args = ['check', domain, '--format', 'json', '--no-smtp', '--timeout', '3', '--dns-timeout', '3', '--resolver', bed.dns,
    '--https-port', String(bed.https_port), '--ca-file', bed.ca, ...extra];
  try {
    return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, LANG: 'C' } }));
  } catch (e) {
    // exit 1: broken, 2: could not check; both still an answer
    if ((e.status === 1 || e.status === 2) && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

// every finding of an answer: about DNS and HTTP, then those in the fetched policy
const findings = (answer) => [...answer.diagnostics, ...answer.policy_diagnostics];
const problems = (answer) => findings(answer).filter((d) => d.severity !== 'info').map((d) => d.code).sort();
const codes = (answer) => findings(answer).map((d) => d.code);

function nextPolicy() {
  const u = new URL(bed.doh_url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/next-policy', method: 'POST' }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

test('every testbed case: the worker and the CLI give the expected, identical verdict', { skip }, async () => {
  const summary = [];
  for (const c of bed.cases) {
    const r = await check(c.domain);
    assert.equal(r.status, 200, `${c.name}: ${r.body}`);
    assert.equal(r.headers['access-control-allow-origin'], '*');
    assert.equal(r.headers['cache-control'], 'no-store');
    const w = json(r);
    const local = cli(c.domain);
    assert.equal(w.status, c.status, `${c.name} (worker): ${JSON.stringify(w.diagnostics)}`);
    assert.equal(local.status, c.status, `${c.name} (cli)`);
    for (const code of c.codes) assert.ok(problems(w).includes(code), `${c.name}: ${code} in ${JSON.stringify(w.diagnostics)}`);
    if (!c.codes.length) assert.deepEqual(problems(w), [], c.name);
    // every finding, notes included (the CLI runs with --no-smtp, and reads the AD bit too)
    assert.deepEqual([...codes(w)].sort(), [...codes(local)].sort(), `${c.name}: worker and CLI disagree`);
    assert.equal(w.sts_id, local.sts_id, c.name);
    assert.equal(w.policy_hash, local.policy_hash, c.name);
    // port 25 is out of a worker's reach, and the answer says so
    assert.equal(w.smtp_tested, false);
    if (Array.isArray(w.facts.mx.records)) assert.ok(codes(w).includes('check/smtp-not-tested'), c.name);
    summary.push(`${c.name}\t${w.status}\t${problems(w).join(',')}\t${Math.round(r.ms)} ms`);
  }
  fs.writeFileSync(path.join(ROOT, 'tests/out/check-verdicts.tsv'), summary.join('\n') + '\n');
});

test('details: redirect target, fetched policy, coverage, DNSSEC, CNAME delegation, messages in the language asked', { skip }, async () => {
  const redirect = json(await check('redirect.check.test'));
  const moved = redirect.diagnostics.find((d) => d.code === 'check/policy-redirect');
  assert.match(moved.message, /https:\/\/www\.redirect\.check\.test\/mta-sts\.txt/);
  assert.equal(redirect.facts.policy.response.status, 301);

  const good = json(await check('good.check.test'));
  assert.equal(good.facts.policy.response.body.replaceAll('\r\n', '\n'), 'version: STSv1\nmode: enforce\nmx: mx1.good.check.test\nmx: *.mail.good.check.test\nmax_age: 1209600\n');
  assert.deepEqual(good.coverage.hosts, [{ host: 'mx1.good.check.test', pattern: 'mx1.good.check.test' }]);
  assert.ok(codes(good).includes('check/dnssec-validated'), 'the testbed signs good.check.test (AD bit)');
  assert.ok(codes(json(await check('testing.check.test'))).includes('check/dnssec-not-validated'));

  const delegated = json(await check('delegated.check.test'));
  assert.deepEqual(delegated.facts.sts_txt, { records: ['v=STSv1; id=20260101T000000'] });

  const slow = json(await check('slow.check.test'));
  assert.deepEqual(slow.facts.policy, { timeout: { seconds: 3 } });

  const ja = json(await check('not-found.check.test', 'ja'));
  assert.match(ja.summary, /MTA-STS/);
  assert.match(ja.diagnostics.find((d) => d.code === 'check/policy-http-status').message, /404/);
  assert.notEqual(ja.summary, json(await check('not-found.check.test')).summary);
});

test('a policy changed without a new id is caught by the worker between checks, as by the CLI with --state', { skip }, async () => {
  const state = path.join(ROOT, 'tests/out/check-state.json');
  fs.rmSync(state, { force: true });
  const flagged = (a) => codes(a).includes('check/id-not-changed');
  assert.ok(!flagged(json(await check('changed.check.test'))), 'first sight');
  assert.ok(!flagged(cli('changed.check.test', ['--state', state])));
  assert.ok(!flagged(json(await check('changed.check.test'))), 'same policy, same id');
  await nextPolicy();
  const w = json(await check('changed.check.test'));
  assert.ok(flagged(w), JSON.stringify(w.diagnostics));
  assert.ok(flagged(cli('changed.check.test', ['--state', state])));
  assert.equal(w.status, 'working', 'a warning, not a breakage');
});

test('only a host name is accepted: URLs, IP literals, ports, wildcards and junk get 400 with a stable code', async () => {
  for (const bad of ['https://example.com/', '192.0.2.1', '[2001:db8::1]', 'example.com:25', '*.example.com',
    'localhost', 'exa mple.com', 'user@example.com', 'a'.repeat(300) + '.com', '%00']) {
    const r = await check(bad);
    assert.equal(r.status, 400, bad);
    assert.equal(json(r).error.code, 'check/bad-domain', bad);
  }
  const none = await request('GET', '/api/check');
  assert.equal(none.status, 400);
  assert.equal(json(none).error.code, 'check/missing-domain');
  const post = await request('POST', '/api/check?domain=example.com', { body: '' });
  assert.equal(post.status, 405);
});

test('rate limit per client address: 429 with Retry-After past the limit, other clients unaffected', { skip }, async () => {
  const from = (ip) => request('GET', '/api/check?domain=unconfigured.check.test', { headers: { 'CF-Connecting-IP': ip } });
  let limited;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await from('203.0.113.7');
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 200);
  }
  assert.ok(limited, 'no 429 after 40 checks within a minute');
  assert.equal(json(limited).error.code, 'check/rate-limited');
  assert.equal(limited.headers['retry-after'], '60');
  assert.equal((await from('203.0.113.8')).status, 200, 'another address is not limited');
});

test('web page: verdict, next step, findings, fetched policy, generator pre-filled with the live MX set', { skip }, async () => {
  const browser = await launch();
  const ctx = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'CF-Connecting-IP': '198.51.100.1' } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // a shared link runs the check at once
    await page.goto(`${BASE}/check?domain=uncovered.check.test`);
    await page.waitForSelector('#check-result', { timeout: 30000 });
    assert.equal(await page.getAttribute('#check-result', 'data-status'), 'broken');
    assert.match(await page.textContent('#check-status'), /broken/);
    assert.match(await page.textContent('#check-next'), /fix the errors/i);
    assert.ok(await page.$('#check-policy-findings [data-code="mx/not-covered-enforce"][data-severity="error"]'));
    assert.ok(await page.$('#check-findings [data-code="check/smtp-not-tested"]'), 'says port 25 was not tested');
    assert.match(await page.textContent('#check-policy'), /mx: mx1\.uncovered\.check\.test/);
    assert.match(await page.textContent('#check-mx'), /mx9\.other\.test\s+not covered/);
    assert.equal(await page.textContent('#check-sts-id'), '20260101T000000');
    await page.screenshot({ path: path.join(OUT, 'check.png'), fullPage: true });
    const href = await page.getAttribute('#check-open-generator', 'href');
    assert.equal(href, '/generate?domain=uncovered.check.test&mx=mx9.other.test&rua=mailto%3Atlsrpt%40uncovered.check.test');
    await page.click('#check-open-generator');
    await page.waitForSelector('#gen-policy');
    assert.match(await page.inputValue('#gen-mx'), /mx9\.other\.test/);
    assert.match(await page.textContent('#gen-policy'), /mx: mx9\.other\.test/);

    // typed in the form; the address bar follows
    await page.goto(`${BASE}/check`);
    await page.fill('#check-domain', 'Good.Check.Test.');
    await page.click('#check-run');
    await page.waitForSelector('#check-result[data-status="working"]', { timeout: 30000 });
    assert.ok(page.url().endsWith('/check?domain=good.check.test'), page.url());
    assert.ok(await page.$('#check-findings [data-code="check/dnssec-validated"]'));
    // a pasted URL is read for its domain; what is no domain at all is refused at once, saying what to type
    await page.goto(`${BASE}/check`);
    await page.fill('#check-domain', 'https://Good.Check.Test/.well-known/mta-sts.txt');
    await page.click('#check-run');
    await page.waitForFunction(() => location.search === '?domain=good.check.test');
    await page.waitForSelector('#check-result[data-status="working"]', { timeout: 30000 });
    const t0 = Date.now();
    await page.fill('#check-domain', '192.0.2.1');
    await page.click('#check-run');
    await page.waitForSelector('#check-error');
    assert.match(await page.textContent('#check-error'), /not a URL/);
    assert.ok(Date.now() - t0 < 5000);
    // a domain without MX hosts gets no "open the generator with its MX hosts": there are none to fill in
    await page.goto(`${BASE}/check?domain=nothing-here.check.test`);
    await page.waitForSelector('#check-result', { timeout: 30000 });
    assert.equal(await page.$('#check-open-generator'), null, 'no generator offer without MX hosts');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('web page, the checker\'s resolver down: "could not be completed" in the page\'s language, one finding, no verdict, no generator offer', { skip }, async () => {
  const browser = await launch();
  const ctx = await browser.newContext({ locale: 'it-IT', extraHTTPHeaders: { 'CF-Connecting-IP': '198.51.100.2' } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${BASE}/check?domain=resolver-down.check.test`);
    await page.waitForSelector('#check-result', { timeout: 30000 });
    assert.equal(await page.getAttribute('#check-result', 'data-status'), 'could-not-check');
    const verdict = await page.textContent('#check-status');
    assert.match(verdict, /non è stato completato/, verdict);
    assert.doesNotMatch(verdict, /MTA-STS/, 'no word on the domain\'s MTA-STS');
    assert.match(await page.textContent('#check-next'), /riprova più tardi/);
    // one finding naming the questions, not one card per question; nothing marked as the domain's error
    assert.equal((await page.$$('#check-findings [data-code]')).length, 1);
    const card = await page.$('#check-findings [data-code="check/resolver-failed"]');
    assert.ok(card, 'the resolver finding');
    assert.match(await card.textContent(), /_mta-sts\.resolver-down\.check\.test/);
    assert.match(await card.textContent(), /resolver/);
    assert.equal(await page.$('[data-severity="error"]'), null);
    assert.equal(await page.$('#check-open-generator'), null, 'no generator offer: no MX hosts were learnt');
    await page.screenshot({ path: path.join(OUT, 'check-resolver-down.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
