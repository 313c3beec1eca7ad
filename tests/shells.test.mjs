// Each route's static shell (scripts/shells.py) is painted in the language the app will use, before the wasm:
// the browser's languages, or the visitor's remembered choice over them; English with no match, and with no
// script at all. The wasm is blocked here, so what is on screen is the shell alone. The inline script that
// translates it runs under the site's Content-Security-Policy, which allows it by its hash: no violation may be
// reported. Screenshots in tests/out/shell-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE, OUT, ROOT } from './lib.mjs';
import { launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The one-line `ui--…` messages of a catalog. */
function catalog(lang) {
  const out = {};
  for (const line of fs.readFileSync(path.join(ROOT, `core/locales/${lang}.ftl`), 'utf8').split('\n')) {
    const m = /^(ui--[a-z0-9-]+) = (.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const ROUTES = [['/', 'home'], ['/validate', 'validate'], ['/generate', 'generate'], ['/reports', 'reports'], ['/check', 'check'], ['/stored', 'stored']];

/** Opens `url` with the wasm blocked; gives what the shell shows and every CSP complaint. */
async function shell(url, opts, remembered) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, ...opts });
  if (remembered) await ctx.addInitScript((tag) => localStorage.setItem('mtasts-lang', JSON.stringify(tag)), remembered);
  const page = await ctx.newPage();
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${BASE}${url}`);
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector('#shell h1')?.textContent,
    lead: document.querySelector('#shell .lead')?.textContent,
    nav: [...document.querySelectorAll('#shell nav a span')].map((s) => s.textContent),
    navLabel: document.querySelector('#shell nav')?.getAttribute('aria-label'),
    skip: document.querySelector('#shell .skip-link')?.textContent,
  }));
  return { page, ctx, seen, csp };
}

for (const [lang, locale, remembered] of [['it', 'it-IT', null], ['ja', 'ja-JP', null], ['de', 'it-IT', 'de'], ['es', 'fr-FR', 'es']]) {
  test(`shells in ${lang} (browser ${locale}${remembered ? `, remembered ${remembered}` : ''}) before the wasm, on every route`, async () => {
    const tr = catalog(lang);
    for (const [url, page] of ROUTES) {
      const { page: p, ctx, seen, csp } = await shell(url, { locale }, remembered);
      assert.equal(seen.lang, lang, url);
      assert.equal(seen.h1, tr[`ui--${page}-title`], `${url}: heading`);
      assert.equal(seen.lead, tr[`ui--${page}-lead`], `${url}: lead`);
      assert.equal(seen.title, `${tr[`ui--${page}-title`]} — mtasts`, `${url}: title`);
      assert.deepEqual(seen.nav, ['validate', 'generate', 'check', 'reports', 'stored'].map((k) => tr[`ui--nav-${k}`]), `${url}: nav`);
      assert.equal(seen.navLabel, tr['ui--nav-label'], `${url}: nav label`);
      assert.equal(seen.skip, tr['ui--skip'], `${url}: skip link`);
      assert.deepEqual(csp, [], `${url}: no CSP violation`);
      if (url === '/') await p.screenshot({ path: path.join(OUT, `shell-${lang}.png`), fullPage: true });
      await ctx.close();
    }
  });
}

test('shells stay English for an English or unknown browser language, and with no script at all', async () => {
  const en = catalog('en');
  for (const opts of [{ locale: 'en-GB' }, { locale: 'fr-FR' }, { locale: 'it-IT', javaScriptEnabled: false }]) {
    for (const [url, page] of ROUTES) {
      const { ctx, seen, csp } = await shell(url, opts);
      assert.equal(seen.lang, 'en', `${url} ${JSON.stringify(opts)}`);
      assert.equal(seen.h1, en[`ui--${page}-title`], `${url} ${JSON.stringify(opts)}`);
      assert.deepEqual(csp, [], url);
      await ctx.close();
    }
  }
});

test('a remembered English choice wins over an Italian browser, and a malformed remembered value is ignored', async () => {
  const it = catalog('it');
  const en = catalog('en');
  let s = await shell('/generate', { locale: 'it-IT' }, 'en');
  assert.equal(s.seen.h1, en['ui--generate-title']);
  await s.ctx.close();
  // not JSON (what gloo's storage would never write): the browser's language decides
  const ctx = await browser.newContext({ locale: 'it-IT' });
  await ctx.addInitScript(() => localStorage.setItem('mtasts-lang', '{not json'));
  const page = await ctx.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${BASE}/generate`);
  assert.equal(await page.textContent('#shell h1'), it['ui--generate-title']);
  await ctx.close();
});

test('with the wasm, the app takes over from the translated shell in the same language', async () => {
  const it = catalog('it');
  const ctx = await browser.newContext({ locale: 'it-IT' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/reports`);
  await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('.app main h1'), null, { timeout: 30000 });
  assert.equal(await page.textContent('.app main h1'), it['ui--reports-title']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
  assert.deepEqual(errors, []);
  await ctx.close();
});
