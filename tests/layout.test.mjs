// Layout in headless Chromium at the sizes people use (1366×900 desktop, 390×844 phone), in the languages whose
// words are longest: nothing scrolls the page sideways, the report breakdowns fit their panels with names whole,
// the chart's tick labels stay readable on a phone, and the phone's header scrolls away instead of covering a
// fifth of the screen. Screenshots of each case, light and dark, go to tests/out/layout-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BASE, CORPUS, OUT, expected } from './lib.mjs';
import { filesRead, launch } from './browser.mjs';

const POLICY = 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: *.mail.example.com\nmax_age: 604800\n';
const reportFiles = () => expected().filter((r) => r[0] === 'report').map((r) => path.join(CORPUS, r[1]));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(url, { width, height, locale = 'en', colorScheme = 'light' }) {
  const page = await browser.newPage({ viewport: { width, height }, locale, colorScheme });
  await page.goto(`${BASE}${url}`);
  return page;
}

async function dashboard(opts) {
  const page = await open('/reports', opts);
  await page.waitForSelector('#report-files', { state: 'attached' });
  await page.setInputFiles('#report-files', reportFiles());
  await filesRead(page);
  await page.waitForSelector('.grid2 .table-wrap');
  return page;
}

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the validator never scrolls sideways on a 390 px phone once input is recognised, in every language', async () => {
  for (const locale of ['en', 'it', 'es', 'de', 'ja']) {
    const page = await open('/validate', { width: 390, height: 844, locale });
    await page.waitForSelector('textarea');
    await page.fill('textarea', POLICY);
    await page.waitForFunction(() => document.querySelector('#validate-kind')?.selectedOptions[0]?.textContent.length > 0);
    await page.waitForTimeout(200);
    const w = await pageWidth(page);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '')).slice(0, 5));
    assert.ok(w <= 390, `${locale}: page ${w} px wide; past the edge: ${wide.join(', ')}`);
    if (locale === 'it') await page.screenshot({ path: path.join(OUT, 'layout-validate-390-it.png'), fullPage: true });
    await page.close();
  }
});

test('report breakdowns fit their panels at 1366 and 390 px (en, it, de), names whole, the rate on one line', async () => {
  for (const [width, height, locale, colorScheme] of [[1366, 900, 'en', 'light'], [1366, 900, 'it', 'dark'], [390, 844, 'en', 'dark'], [390, 844, 'de', 'light']]) {
    const page = await dashboard({ width, height, locale, colorScheme });
    const r = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      breakdowns: [...document.querySelectorAll('.grid2 .table-wrap')].map((w) => [w.querySelector('table').id, w.clientWidth, w.scrollWidth]),
      details: [...document.querySelectorAll('.dashboard > .table-wrap')].map((w) => [w.clientWidth, w.scrollWidth]),
      // a name that is one word renders as one line box (a line may still break after a hyphen, as text does)
      broken: [...document.querySelectorAll('.grid2 td:first-child')].filter((td) => {
        const text = td.textContent;
        if (/[\s-]/.test(text) || text.length > 30) return false;
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size > 1;
      }).map((td) => td.textContent),
      rates: [...document.querySelectorAll('.grid2 td:last-child')].filter((td) => /%$/.test(td.textContent))
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size > 1;
        }).length,
    }));
    const tag = `${locale} ${width} px`;
    assert.ok(r.page <= width, `${tag}: the page scrolls sideways (${r.page} px)`);
    assert.ok(r.breakdowns.length >= 6, `${tag}: breakdowns`);
    for (const [id, client, scroll] of r.breakdowns) assert.ok(scroll <= client + 1, `${tag}: ${id} needs ${scroll} px in ${client}`);
    // the ten columns of details fit at 1366; on a phone they scroll inside their own frame
    if (width >= 1366) for (const [client, scroll] of r.details) assert.ok(scroll <= client + 1, `${tag}: failure details need ${scroll} px in ${client}`);
    assert.deepEqual(r.broken, [], `${tag}: names broken inside a word`);
    assert.equal(r.rates, 0, `${tag}: a rate wrapped`);
    await page.screenshot({ path: path.join(OUT, `layout-reports-${width}-${locale}-${colorScheme}.png`), fullPage: true });
    await page.close();
  }
});

test('on a phone the chart keeps readable ticks and the header scrolls away', async () => {
  const page = await dashboard({ width: 390, height: 844 });
  const ticks = await page.$$eval('.chart .tick', (els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(ticks.length > 0);
  assert.ok(Math.min(...ticks) >= 10, `tick labels ${Math.min(...ticks).toFixed(1)} px high`);
  assert.ok(await pageWidth(page) <= 390, 'the wide chart scrolls inside its figure, not the page');
  await page.evaluate(() => window.scrollTo(0, 1200));
  await page.waitForTimeout(100);
  const bottom = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().bottom);
  assert.ok(bottom <= 0, `the header still covers ${Math.round(bottom)} px of 844 after scrolling`);
  await page.close();
  // on a desktop it stays at the top
  const wide = await dashboard({ width: 1366, height: 900 });
  await wide.evaluate(() => window.scrollTo(0, 1200));
  await wide.waitForTimeout(100);
  assert.equal(await wide.evaluate(() => Math.round(document.querySelector('header').getBoundingClientRect().top)), 0);
  await wide.close();
});

test('the footer tells the truth per page: nothing leaves the browser, except on the pages that ask the server', async () => {
  for (const [route, local] of [['/', true], ['/generate', true], ['/reports', true], ['/check', false], ['/stored', false]]) {
    const page = await open(route, { width: 1366, height: 900 });
    await page.waitForSelector('.app .foot');
    await page.waitForFunction(() => !document.getElementById('shell'));
    const visible = await page.$$eval('.foot p', (ps) => ps.filter((p) => p.offsetParent !== null).map((p) => p.textContent).join(' '));
    assert.equal(/never leaves this machine/.test(visible), local, `${route}: ${visible}`);
    assert.equal(/asks this site's server/.test(visible), !local, `${route}: ${visible}`);
    await page.close();
  }
});

test('a file held over the drop zone changes more than the border colour', async () => {
  const page = await open('/reports', { width: 1366, height: 900 });
  const zone = await page.waitForSelector('.dropzone');
  const style = () => zone.evaluate((z) => { const c = getComputedStyle(z); return { border: c.borderTopStyle, shadow: c.boxShadow, transform: c.transform }; });
  const idle = await style();
  await zone.dispatchEvent('dragover', { dataTransfer: await page.evaluateHandle(() => new DataTransfer()) });
  await page.waitForSelector('.dropzone.over');
  await page.waitForTimeout(250);
  const held = await style();
  assert.notEqual(held.border, idle.border, 'border style');
  assert.notEqual(held.shadow, idle.shadow, 'a halo');
  await page.close();
});
