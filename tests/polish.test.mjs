// The web app as a new user meets it (issue: "as polished as the best validators"), in headless Chromium served
// by the worker: the landing page and its three starts (also before the wasm, and with no script at all), page
// titles, focus after navigation and the skip link; the generator's field findings, cleaned input, kept output,
// hosting hint, testing date and copy buttons; the validator's MX-box findings, curly quotes and the breakdown
// of what a sender reads. Screenshots in tests/out/polish-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE, OUT, request } from './lib.mjs';
import { launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(url, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en', ...opts });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}${url}`);
  if (opts.javaScriptEnabled !== false) {
    await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('.app main h1'), null, { timeout: 30000 });
  }
  return { page, ctx, errors };
}

test('the landing page says what this is for and offers the three starts; its form works before the wasm and without script', async () => {
  const html = (await request('GET', '/')).body.toString();
  assert.match(html, /<form class="form row domain-box" action="\/check" method="get">/);
  for (const href of ['/check', '/generate', '/reports', '/validate']) assert.match(html, new RegExp(`href="${href}"`), href);

  // no script at all: the static page's form is a plain GET to the check
  const bare = await open('/', { javaScriptEnabled: false });
  await bare.page.fill('#home-domain', 'solarmora.com');
  await bare.page.press('#home-domain', 'Enter');
  await bare.page.waitForURL('**/check?domain=solarmora.com');
  await bare.ctx.close();

  const { page, ctx, errors } = await open('/');
  assert.equal(await page.title(), 'MTA-STS and TLS reporting, from set-up to daily reports — mtasts');
  const starts = await page.$$eval('.starts a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(starts, ['/check', '/generate', '/reports']);
  await page.screenshot({ path: path.join(OUT, 'polish-home.png'), fullPage: true });
  // the app's form stays in the app (no reload) and the check page has the domain
  await page.fill('#home-domain', 'solarmora.com');
  await page.press('#home-domain', 'Enter');
  await page.waitForURL('**/check?domain=solarmora.com');
  assert.equal(await page.inputValue('#check-domain'), 'solarmora.com');
  // an old validator permalink (`/#text=…`, when the validator was the home page) still opens the validator
  await page.goto(`${BASE}/#text=${encodeURIComponent('v=STSv1; id=1')}`);
  await page.waitForURL('**/validate#text=*');
  await page.waitForSelector('#verdict[data-valid="true"]', { timeout: 30000 });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('every page has its own title; after a navigation the focus is on the new heading; a skip link leads to the content', async () => {
  const { page, ctx, errors } = await open('/validate');
  assert.equal(await page.title(), 'Check a policy or a DNS record — mtasts');
  for (const [nav, title] of [['#nav-generate', 'Set up MTA-STS and TLS reporting'], ['#nav-check', 'Check a live domain'], ['#nav-reports', 'Read TLS reports'], ['#nav-stored', 'Stored reports']]) {
    await page.click(nav);
    await page.waitForFunction((t) => document.title === `${t} — mtasts`, title);
    const focused = await page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent);
    assert.equal(focused, `H1 ${title}`, `${nav}: focus on the page's heading`);
  }
  // the skip link is the first thing the keyboard reaches, and it moves the focus to the content
  await page.goto(`${BASE}/generate`);
  await page.waitForSelector('#gen-domain');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.ok(page.url().endsWith('/generate'), 'the skip link leaves the address as it was');
  // only the verdict is a live region on the validator, not the whole results block
  await page.goto(`${BASE}/validate`);
  await page.fill('#validate-input', 'v=STSv1; id=1');
  await page.waitForSelector('#verdict');
  assert.equal(await page.$$eval('.results[aria-live]', (e) => e.length), 0);
  assert.equal(await page.getAttribute('#verdict', 'role'), 'status');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('generator: findings under their field with a fix, a pasted URL cleaned to the domain, the last good output kept; hosting, date and copy buttons', async () => {
  const { page, ctx, errors } = await open('/generate');
  await page.fill('#gen-domain', 'https://Solarmora.com/');
  await page.fill('#gen-mx', 'aspmx.l.google.com\nalt1.aspmx.l.google.com');
  await page.waitForFunction(() => document.querySelector('#gen-policy')?.textContent.includes('aspmx.l.google.com'));
  assert.match(await page.textContent('#gen-domain-cleaned'), /solarmora\.com/);
  assert.match(await page.textContent('.steps'), /https:\/\/mta-sts\.solarmora\.com\/\.well-known\/mta-sts\.txt/);
  // `*.*.google.com`: the finding is the pattern rule's, under the MX field, with the pattern to write
  await page.fill('#gen-mx', 'aspmx.l.google.com\n*.*.google.com');
  await page.waitForSelector('#gen-mx-errors [data-code="policy/mx-wildcard-not-leftmost"]');
  const finding = await page.textContent('#gen-mx-errors');
  assert.match(finding, /one leading `?\*\.`? is allowed/);
  assert.match(finding, /\*\.google\.com/);
  assert.equal(await page.getAttribute('#gen-mx', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#gen-mx', 'aria-describedby'), 'gen-mx-errors');
  assert.equal(await page.getAttribute('#gen-domain', 'aria-invalid'), null, 'the domain field is fine');
  // the output of the last valid input stays, marked as such
  assert.ok(await page.$('#gen-stale'));
  assert.match(await page.textContent('#gen-policy'), /mx: alt1\.aspmx\.l\.google\.com/);
  await page.screenshot({ path: path.join(OUT, 'polish-generate-field-error.png'), fullPage: true });
  await page.fill('#gen-mx', 'aspmx.l.google.com\n*.aspmx.l.google.com');
  await page.waitForSelector('#gen-stale', { state: 'detached' });
  assert.equal(await page.$('#gen-mx-errors'), null);
  // hosting by this worker: the records to publish and the certificate it needs
  assert.match(await page.textContent('.steps'), /valid for mta-sts\.solarmora\.com/);
  await page.click('#gen-host-here summary');
  assert.equal(await page.textContent('#gen-host-record'), 'mta-sts.solarmora.com. 300 IN AAAA 100::');
  assert.match(await page.textContent('#gen-host-here'), /PUT \/api\/policies\/solarmora\.com/);
  // the two weeks in testing have a date and lead to the reports
  const until = await page.textContent('#gen-testing-until');
  const expected = new Date(Date.now() + 14 * 86400e3).toLocaleDateString('en');
  assert.ok(until.includes(expected), `${until} names ${expected}`);
  assert.deepEqual(await page.$$eval('#gen-testing-until a', (as) => as.map((a) => a.getAttribute('href'))), ['/reports', '/stored']);
  // every copy button says what it copies, and is ready again after "Copied"
  const names = await page.$$eval('.copy-field button', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.length >= 7, names.join());
  assert.equal(new Set(names).size, names.length, `each named apart: ${names.join(' | ')}`);
  assert.ok(names.includes('Copy: Name (host): _smtp._tls.solarmora.com'), names.join(' | '));
  assert.ok(names.includes('Copy: DNS record for mta-sts.solarmora.com: mta-sts.solarmora.com. 300 IN AAAA 100::'), names.join(' | '));
  assert.ok(names.includes('Copy: Value (TXT): v=TLSRPTv1; rua=mailto:tls-reports@solarmora.com'), names.join(' | '));
  assert.ok(names.every((n) => n.startsWith('Copy: ')), names.join());
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const button = page.locator('#gen-policy').locator('xpath=..').locator('button');
  await button.click();
  assert.equal(await button.textContent(), 'Copied');
  assert.match(await button.getAttribute('aria-label'), /^Copied: mta-sts\.txt: version: STSv1/);
  await page.waitForFunction(() => [...document.querySelectorAll('.copy-field button')].every((b) => b.textContent === 'Copy'), null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('validator: an MX typed in the MX box is found there (not in the policy), curly quotes give one finding, a valid input shows what a sender reads', async () => {
  const { page, ctx, errors } = await open('/validate');
  await page.fill('#validate-input', 'version: STSv1\nmode: enforce\nmx: mail.solarmora.com\nmax_age: 604800\n');
  await page.waitForSelector('#validate-mx');
  await page.fill('#validate-mx', 'mail.solarmora.com\nbackup.solarmora.net');
  await page.waitForSelector('#mx-findings [data-code="mx/not-covered-enforce"]');
  assert.equal(await page.textContent('#mx-findings .where'), 'MX hosts, line 2:1');
  assert.equal(await page.$('#diagnostics [data-code="mx/not-covered-enforce"]'), null, 'not among the policy findings');
  assert.equal(await page.$$eval('.source li.error', (l) => l.length), 0, 'no policy line is marked for it');
  await page.click('#mx-findings .where');
  const sel = await page.evaluate(() => { const a = document.activeElement; return [a.id, a.value.slice(a.selectionStart, a.selectionEnd)]; });
  assert.deepEqual(sel, ['validate-mx', 'backup.solarmora.net']);
  // the breakdown of a valid policy
  await page.fill('#validate-mx', '');
  await page.waitForSelector('#read-breakdown');
  const rows = await page.$$eval('#read-breakdown tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['mode', 'enforce'], ['max_age', '604800'], ['mx', 'mail.solarmora.com']]);
  assert.match(rows[0][2], /hold the mail/);
  assert.match(rows[1][2], /7\.0 days/);
  // a record: each tag, its value and what a sender does with it
  await page.fill('#validate-input', 'v=TLSRPTv1; rua=mailto:tls@solarmora.com,https://r.solarmora.com/v1/tlsrpt');
  await page.waitForFunction(() => document.querySelector('#read-breakdown tbody tr td')?.textContent === 'v');
  const rec = await page.$$eval('#read-breakdown tbody tr', (trs) => trs.map((tr) => tr.cells[2].textContent));
  assert.match(rec[1], /multipart\/report/);
  assert.match(rec[2], /POST/);
  // curly quotes pasted from a document: one finding that says to use straight quotes
  await page.fill('#validate-input', '_mta-sts.solarmora.com. 300 IN TXT \u201cv=STSv1; id=20261203\u201d');
  await page.waitForSelector('[data-code="input/curly-quotes"]');
  assert.deepEqual(await page.$$eval('#diagnostics [data-code]', (l) => l.map((e) => e.dataset.code)), ['input/curly-quotes']);
  assert.match(await page.textContent('#diagnostics'), /straight/);
  await page.screenshot({ path: path.join(OUT, 'polish-validate-curly.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('300 reports make a page that reads: top rows with "show all", a filter, and a hostile 5 MB organization name cut on screen', async () => {
  const dir = path.join(OUT, 'polish-reports');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < 300; i++) {
    const day = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`;
    const r = { 'organization-name': `Sender ${i % 12}`, 'date-range': { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` },
      'contact-info': 'x@example.org', 'report-id': `polish-${i}`, policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'solarmora.com', 'mx-host': ['mx.solarmora.com'] },
        summary: { 'total-successful-session-count': 50, 'total-failure-session-count': 1 },
        'failure-details': [{ 'result-type': i % 3 ? 'certificate-expired' : 'starttls-not-supported', 'sending-mta-ip': `192.0.2.${i % 90}`, 'receiving-mx-hostname': `mx${i % 4}.solarmora.com`, 'failed-session-count': 1 }] }] };
    const f = path.join(dir, `r${i}.json`);
    fs.writeFileSync(f, JSON.stringify(r));
    files.push(f);
  }
  const hostile = path.join(dir, 'hostile.json');
  fs.writeFileSync(hostile, JSON.stringify({ 'organization-name': 'X'.repeat(5 << 20), 'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' }, 'report-id': 'hostile',
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'solarmora.com' }, summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 } }] }));
  files.push(hostile);
  const { page, ctx, errors } = await open('/reports');
  await page.setInputFiles('#report-files', files);
  await page.waitForFunction(() => {
    const p = document.querySelector('#report-progress')?.dataset;
    return p && p.busy === 'false' && p.total === '301' && p.done === '301';
  }, null, { timeout: 60000 });
  const refused = await page.$$eval('#report-errors li', (l) => l.map((e) => e.textContent.slice(0, 200)));
  assert.deepEqual(refused, []);
  assert.equal(await page.getAttribute('#report-summary', 'data-reports'), '301');
  // each breakdown shows its top 10, the failure details their top 25
  assert.equal(await page.$$eval('#by-ip tbody tr', (t) => t.length), 10);
  assert.equal(await page.$$eval('#failures tbody tr', (t) => t.length), 25);
  // the failure rows grouped by (result type, MX): 2 types × 4 MX hosts, every failed session counted once;
  // and each result type per day, filterable to one type's trend
  const pairs = await page.$$eval('#by-result-and-mx tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(pairs.length, 8);
  assert.equal(pairs.reduce((a, r) => a + Number(r[2].replace(/\D/g, '')), 0), 300);
  assert.deepEqual(pairs[0].slice(0, 2), ['certificate-expired', 'mx0.solarmora.com']);
  await page.fill('.table-wrap:has(#by-day-and-result) input[type=search]', 'starttls');
  await page.waitForFunction(() => [...document.querySelectorAll('#by-day-and-result tbody tr')].every((tr) => tr.cells[1].textContent === 'starttls-not-supported'));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 6500, `the page is ${height} px tall`);
  await page.screenshot({ path: path.join(OUT, 'polish-300-reports.png'), fullPage: true });
  // show all, then back
  const ipFoot = page.locator('.table-wrap:has(#by-ip) .show-all');
  assert.equal(await ipFoot.textContent(), 'Show all 90');
  await ipFoot.click();
  assert.equal(await page.$$eval('#by-ip tbody tr', (t) => t.length), 90);
  assert.equal(await ipFoot.getAttribute('aria-expanded'), 'true');
  await ipFoot.click();
  assert.equal(await page.$$eval('#by-ip tbody tr', (t) => t.length), 10);
  // the filter finds rows past the top
  await page.fill('.table-wrap:has(#by-ip) input[type=search]', '192.0.2.89');
  await page.waitForFunction(() => document.querySelectorAll('#by-ip tbody tr').length === 1);
  assert.match(await page.textContent('#by-ip tbody tr'), /192\.0\.2\.89/);
  // the 5 MB name (the smallest sender, past the top 10): 100 characters on screen, the whole value behind a
  // closed disclosure
  await page.click('.table-wrap:has(#by-organization) .show-all');
  const cut = await page.$eval('#by-organization details.long summary', (s) => s.textContent.length);
  assert.equal(cut, 101);
  assert.equal(await page.$eval('#by-organization details.long', (d) => d.open), false);
  assert.deepEqual(errors, []);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the per-day chart has a calendar axis: gaps as gaps, long gaps as one break, the year where it changes; values by keyboard and touch', async () => {
  const dir = path.join(OUT, 'polish-chart');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = ['2016-04-01', '2026-05-12', '2026-05-14', '2026-05-15'].map((day, i) => {
    const f = path.join(dir, `d${i}.json`);
    fs.writeFileSync(f, JSON.stringify({ 'organization-name': 'Chart', 'date-range': { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` }, 'report-id': `chart-${i}`,
      policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'solarmora.com' }, summary: { 'total-successful-session-count': 10 + i, 'total-failure-session-count': i } }] }));
    return f;
  });
  const { page, ctx, errors } = await open('/reports', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.setInputFiles('#report-files', files);
  await page.waitForSelector('#day-chart');
  const chart = await page.evaluate(() => ({
    days: [...document.querySelectorAll('#day-chart g.day')].map((g) => g.dataset.day),
    gaps: [...document.querySelectorAll('#day-chart g.gap')].map((g) => g.dataset.day),
    breaks: [...document.querySelectorAll('#day-chart g.break')].map((g) => [g.dataset.from, g.dataset.to]),
    ticks: [...document.querySelectorAll('#day-chart g text.tick')].map((t) => t.textContent),
    zero: !!document.querySelector('#day-chart line.zero'),
  }));
  assert.deepEqual(chart.days, ['2016-04-01', '2026-05-12', '2026-05-14', '2026-05-15']);
  assert.deepEqual(chart.gaps, ['2026-05-13']);
  assert.deepEqual(chart.breaks, [['2016-04-02', '2026-05-11']]);
  assert.ok(chart.ticks.includes('2016-04-01') && chart.ticks.includes('2026-05-12'), `the year where it changes: ${chart.ticks}`);
  assert.ok(chart.ticks.includes('05-14') || chart.ticks.includes('05-15'), `then month-day: ${chart.ticks}`);
  assert.ok(chart.zero, 'the failure-rate strip has its zero line');
  // touch: a tap on a day writes its values under the chart
  await page.tap('#day-chart g.day[data-day="2026-05-15"]');
  assert.equal(await page.textContent('#chart-readout'), '2026-05-15: 13 successful, 3 failed');
  // keyboard: Tab reaches the days
  await page.focus('#day-chart g.day[data-day="2016-04-01"]');
  assert.equal(await page.textContent('#chart-readout'), '2016-04-01: 10 successful, 0 failed');
  await page.keyboard.press('Tab');
  assert.equal(await page.textContent('#chart-readout'), '2026-05-12: 11 successful, 1 failed');
  await page.screenshot({ path: path.join(OUT, 'polish-chart-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
