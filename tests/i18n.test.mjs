// The web app in every language: switching shows no English fallback on any page, sets <html lang>, is
// remembered, and diagnostics are translated. A screenshot per language is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';
import { BASE, OUT, ROOT, CORPUS } from './lib.mjs';

const LANGS = ['it', 'es', 'de', 'ja'];

/** Plain `ui--` messages (no placeables) of a catalog, id → text. */
function catalog(lang) {
  const out = {};
  for (const line of fs.readFileSync(path.join(ROOT, `core/locales/${lang}.ftl`), 'utf8').split('\n')) {
    const m = line.match(/^(ui--[a-z0-9-]+) = (.*)$/);
    if (m && !m[2].includes('{')) out[m[1]] = m[2].trim();
  }
  return out;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of LANGS) {
  test(`web app in ${lang}: no English fallback on any page`, async () => {
    const en = catalog('en');
    const tr = catalog(lang);
    // English texts that this language translates differently; none may show up.
    const english = Object.entries(en).filter(([id, text]) => tr[id] && tr[id] !== text && text.length >= 8).map(([, text]) => text);
    const ctx = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'CF-Connecting-IP': `198.51.100.${10 + LANGS.indexOf(lang)}` } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}/validate`);
    await page.waitForSelector('#lang-select', { timeout: 30000 });
    await page.selectOption('#lang-select', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.fill('#validate-input', 'version: STSv1\nmode: Enforce\nmx: mail.*.example.com\nmax_age: 1\n');
    await page.waitForSelector('[data-code="policy/bad-mode"]');
    const checks = [['validate', null]];
    checks.push(['generate', '/generate'], ['check', '/check'], ['reports', '/reports'], ['stored', '/stored'], ['home', '/']);
    for (const [name, url] of checks) {
      if (name === 'home') {
        // the landing page is reached by the brand link, a page load (the language is remembered)
        await page.click('.app:not(#shell) .brand');
        await page.waitForSelector('.app:not(#shell) #home-domain');
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      } else if (url) {
        await page.click(`#nav-${name}`);
        await page.waitForURL(`**${url}`);
      }
      if (name === 'generate') await page.waitForSelector('#gen-policy');
      if (name === 'check' && process.env.TESTBED) {
        // the worker renders the verdict and the findings in the page's language
        await page.fill('#check-domain', 'html.check.test');
        await page.click('#check-run');
        await page.waitForSelector('#check-result [data-code="check/policy-content-type"]', { timeout: 30000 });
      }
      if (name === 'reports') {
        await page.setInputFiles('#report-files', [path.join(CORPUS, 'reports/rfc8460-example.json'), path.join(CORPUS, 'reports/real/mailru-parsedmarc.json')]);
        await page.waitForSelector('#report-summary');
      }
      const text = await page.evaluate(() => document.body.innerText);
      const leaked = english.filter((e) => text.includes(e));
      assert.deepEqual(leaked, [], `${lang}/${name}: English text on the page`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await page.screenshot({ path: path.join(OUT, `${name}-${lang}.png`), fullPage: true });
    }
    // the diagnostic message itself is translated
    await page.goto(`${BASE}/validate#text=${encodeURIComponent('version: STSv1\nmode: doubt\nmx: a.example.com\nmax_age: 86400\n')}`);
    // (the app loads the remembered language's catalog before its first render)
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForFunction(() => {
      const m = document.querySelector('[data-code="policy/bad-mode"] .diag-msg');
      return m && !m.textContent.includes('it must be');
    }, null, { timeout: 10000 });
    // the choice is remembered
    assert.equal(await page.evaluate(() => localStorage.getItem('mtasts-lang')), `"${lang}"`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('the browser language is picked when nothing was chosen', async () => {
  const ctx = await browser.newContext({ locale: 'ja-JP' });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForSelector('#lang-select');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  assert.equal(await page.inputValue('#lang-select'), 'ja');
  await ctx.close();
});
