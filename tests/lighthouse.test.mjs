// Lighthouse (npm, pinned in package.json) against Debian's Chromium and the worker on loopback: the mobile
// profile (Moto G Power, simulated slow 4G and 4× CPU) on the three ways in, `/`, `/generate` and `/reports`.
// The first paint is each route's static shell (scripts/shells.py), so the largest contentful paint needs only
// HTML and CSS. Three runs per route; the median score is the figure (scores move a few points run to run).
// Goals (issue: "instant first paint"): performance ≥ 95, LCP < 2.0 s, accessibility and best practices 100.
// Figures in tests/out/lighthouse.json and the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { BASE, OUT } from './lib.mjs';

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('Lighthouse mobile: performance ≥ 95 and LCP < 2 s on /, /generate and /reports; accessibility and best practices 100', { timeout: 600_000 }, async () => {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const figures = {};
  try {
    for (const route of ['/', '/generate', '/reports']) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const { lhr } = await lighthouse(`${BASE}${route}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        assert.equal(lhr.runtimeError, undefined, `${route}: ${JSON.stringify(lhr.runtimeError)}`);
        runs.push({
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          best_practices: Math.round(lhr.categories['best-practices'].score * 100),
          fcp_ms: Math.round(lhr.audits['first-contentful-paint'].numericValue),
          lcp_ms: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
          tbt_ms: Math.round(lhr.audits['total-blocking-time'].numericValue),
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
        });
      }
      const m = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
      figures[route] = { median: m, runs };
      assert.ok(m.performance >= 95, `${route}: performance ${m.performance} (runs ${runs.map((r) => r.performance)})`);
      assert.ok(m.lcp_ms < 2000, `${route}: LCP ${m.lcp_ms} ms`);
      assert.equal(m.accessibility, 100, `${route}: accessibility`);
      assert.equal(m.best_practices, 100, `${route}: best practices`);
    }
  } finally {
    console.log('lighthouse:', JSON.stringify(Object.fromEntries(Object.entries(figures).map(([r, f]) => [r, f.median]))));
    fs.writeFileSync(path.join(OUT, 'lighthouse.json'), JSON.stringify(figures, null, 2));
    await chrome.kill();
  }
});
