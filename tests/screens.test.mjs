// Screenshots of every page of the web app, desktop (1366×900) and phone (390×844), light and dark, into
// tests/out/screen-<page>-<desktop|phone>-<light|dark>.png: the pages as a reader sees them, with content (a
// policy in the validator, the corpus reports in the viewer). Each page must render its heading with no page
// error and no sideways scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BASE, CORPUS, OUT, expected } from './lib.mjs';
import { launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const POLICY = 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: *.mail.example.com\nmax_age: 604800\n';
const pages = [
  ['home', '/', null],
  ['validate', '/validate', async (p) => { await p.fill('#validate-input', POLICY); await p.waitForSelector('#verdict'); }],
  ['generate', '/generate', async (p) => { await p.waitForSelector('#gen-policy'); }],
  ['check', '/check', null],
  ['reports', '/reports', async (p) => {
    await p.setInputFiles('#report-files', expected().filter((r) => r[0] === 'report').map((r) => path.join(CORPUS, r[1])));
    await p.waitForSelector('#report-summary');
  }],
  ['stored', '/stored', null],
];

test('every page, desktop and phone, light and dark: drawn, no page error, no sideways scroll (screenshots)', async () => {
  let shots = 0;
  for (const [width, height, device] of [[1366, 900, 'desktop'], [390, 844, 'phone']]) {
    for (const colorScheme of ['light', 'dark']) {
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme, locale: 'en' });
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const [name, url, fill] of pages) {
        await page.goto(`${BASE}${url}`);
        await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('.app main h1'), null, { timeout: 30000 });
        if (fill) await fill(page);
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(w <= width, `${name} ${device} ${colorScheme}: ${w} px wide`);
        await page.screenshot({ path: path.join(OUT, `screen-${name}-${device}-${colorScheme}.png`), fullPage: true });
        shots++;
      }
      assert.deepEqual(errors, [], `${device} ${colorScheme}`);
      await ctx.close();
    }
  }
  assert.equal(shots, 24);
});
