// The policy host (RFC 8461 §3.3) as the hottest path: what each isolate keeps per domain (a changed policy is
// served at once, a removed one is gone at once, a policy broken behind the API's back is refused once the kept
// answer expires, a busy domain's answer renewed in the background), and requests per second side by side with a
// JavaScript worker that returns a constant policy, and with a second copy of that worker as a control, which shows
// how far this machine moves a ratio between two identical workers in the same run; each of the three on a wrangler
// of its own (figures in tests/out/policy-host.json), then on bare workerd through Miniflare, where no dev proxy
// hides what the worker itself costs, with workerd's CPU per request (tests/out/policy-host-bare.json). Benchmarks:
// no timed assertion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { request, admin, json, putPolicy, policyFor, OUT, ROOT, BASE, percentile } from './lib.mjs';

const PATH = '/.well-known/mta-sts.txt';
/** The policy host the benchmark fetches (the constant workers answer any host with its policy). */
const BENCH_HOST = 'mta-sts.bench.example';
const get = (host) => request('GET', PATH, { headers: { Host: host } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Sets of load rounds, one round per worker each, back to back: this shared 2-core VM moves a single round by
 * up to 30 %, but mostly slowly, so the rounds of a set see the same machine and the sets' ratios spread less than
 * the rounds do. The sets run the six orders of the three workers twice, so each worker runs in each position,
 * and before and right after each other worker, equally often (rotating one order, as before, put the control
 * right after the baseline in two sets of three, and ours before it in two of three). */
const SETS = 12;
/** The six orders of three workers. */
const everyOrder = (names) => names.flatMap((a) => names.filter((b) => b !== a).flatMap((b) => names.filter((c) => c !== a && c !== b).map((c) => [a, b, c])));
/** Each round's length. */
const ROUND_MS = 2_000;
/** The kept answer's lifetime in the e2e run (POLICY_FRESH_SECONDS in scripts/e2e.sh). */
const WINDOW_MS = 5_000;
/** When a kept answer is due for renewal (RENEW_AFTER in worker/src/policy_host.rs: three quarters of its window). */
const RENEW_MS = WINDOW_MS * 0.75;
/** A policy as served (CRLF line ends). */
const crlf = (text) => text.replaceAll('\n', '\r\n');
/** `wrangler kv key …` on a local KV (the binding MTASTS of `config`, kept in `persistTo`). */
const kvKeyIn = (persistTo, config, ...args) => execFileSync('wrangler', ['kv', 'key', ...args, ...(config ? ['--config', config] : []),
  '--binding', 'MTASTS', '--local', '--persist-to', persistTo], { cwd: ROOT, stdio: 'pipe' });
/** `wrangler kv key …` on the e2e run's local KV: a write behind the API's back (no kept answer is dropped). */
const kvKey = (...args) => kvKeyIn(process.env.KV_STATE, undefined, ...args);

test('kept answers: a policy changed or removed through the API is served at once; one broken behind its back is refused when the kept answer expires', async () => {
  const host = 'mta-sts.kept.example';
  const v1 = policyFor(['mx1.kept.example']);
  await putPolicy('kept.example', v1);
  const a = await get(host);
  assert.equal(a.status, 200);
  assert.equal(a.body.toString(), crlf(v1));
  // served again from the kept answer: same bytes, same headers
  const again = await get(host);
  assert.equal(again.body.toString(), a.body.toString());
  assert.equal(again.headers['cache-control'], 'max-age=60');
  const v2 = policyFor(['mx2.kept.example'], 'enforce');
  await putPolicy('kept.example', v2);
  assert.equal((await get(host)).body.toString(), crlf(v2), 'a change through the API is served at once');
  assert.equal((await admin('DELETE', '/api/policies/kept.example')).status, 200);
  assert.equal((await get(host)).status, 404, 'a removal through the API is gone at once');
  await putPolicy('kept.example', v1);
  assert.equal((await get(host)).status, 200);
  // broken straight in KV (as `wrangler kv key put` would): the kept, valid answer lasts its window, then 503
  kvKey('put', 'policy:kept.example', 'garbage');
  await sleep(WINDOW_MS + 500);
  const broken = await get(host);
  assert.equal(broken.status, 503);
  assert.equal(json(broken).error.code, 'policy/invalid-stored');
  // the refusal is kept too, and an API write replaces it at once
  assert.equal((await get(host)).status, 503);
  await putPolicy('kept.example', v2);
  assert.equal((await get(host)).status, 200);
});

/** Runs `task` over `items`, `width` at a time, in order of start. */
async function inBatches(items, width, task) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(task));
}

test('replayed answers: the entry answers each variant of a policy request (method, Host, query) as the worker did, past its 1,024 hosts, and a change or removal through the API reaches every variant at once', async () => {
  const domain = 'replay.example';
  const v1 = policyFor(['mx1.replay.example']);
  const v2 = policyFor(['mx2.replay.example'], 'enforce');
  await putPolicy(domain, v1);
  // each Host form the worker serves as this domain, more Host values than the entry keeps (1,024: a port each),
  // and queries (answered by the worker every time: only a plain URL's answer is offered to the entry)
  const hosts = ['mta-sts.replay.example', 'MTA-STS.Replay.Example', 'mta-sts.replay.example:8443', 'mta-sts.replay.example.'];
  const variants = [
    ...hosts.flatMap((host) => ['GET', 'HEAD'].map((method) => ({ method, host, path: PATH }))),
    ...Array.from({ length: 1_100 }, (_, i) => ({ method: i % 2 ? 'HEAD' : 'GET', host: `mta-sts.replay.example:${10_000 + i}`, path: PATH })),
    ...Array.from({ length: 50 }, (_, i) => ({ method: i % 2 ? 'HEAD' : 'GET', host: hosts[0], path: `${PATH}?n=${i}` })),
  ];
  /** Asserts `variant` is answered `text` (CRLF), twice: answered by the worker, then (within the window) by the
   * entry from the answer offered; a HEAD the same headers without a body. */
  const answered = (text) => async ({ method, host, path: p }) => {
    for (const round of ['first', 'again']) {
      const r = await request(method, p, { headers: { Host: host } });
      const what = `${round} ${method} ${p} Host: ${host}`;
      assert.equal(r.status, 200, what);
      assert.equal(r.headers['content-length'], String(Buffer.byteLength(crlf(text))), what);
      assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8', what);
      assert.equal(r.headers['cache-control'], 'max-age=60', what);
      assert.equal(r.body.toString(), method === 'HEAD' ? '' : crlf(text), what);
    }
  };
  await inBatches(variants, 16, answered(v1));
  // an unknown domain is refused every time (only a 200 is offered to the entry)
  for (let i = 0; i < 3; i++) assert.equal((await get('mta-sts.nothing-here.example')).status, 404);
  await putPolicy(domain, v2);
  await inBatches(variants, 16, answered(v2));
  assert.equal((await admin('DELETE', `/api/policies/${domain}`)).status, 200);
  await inBatches(variants, 16, async ({ method, host, path: p }) => {
    const r = await request(method, p, { headers: { Host: host } });
    assert.equal(r.status, 404, `${method} ${p} Host: ${host} after the removal`);
  });
});

/** Keeps `text` as `domain`'s answer (an API write, then a GET), changes KV behind the API's back with `behind`,
 * then, past three quarters of the window, GETs: the first is served the kept answer and renews it in the
 * background, the next ones (every 50 ms, inside the window) show what the renewal found. Tries again when this
 * machine was too slow to fit that in the window. */
async function renewal(domain, text, behind) {
  const host = `mta-sts.${domain}`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    await putPolicy(domain, text);
    const t0 = performance.now();
    const kept = await get(host);
    const keptAt = performance.now();
    assert.equal(kept.body.toString(), crlf(text));
    behind();
    await sleep(Math.max(0, keptAt + RENEW_MS + 100 - performance.now()));
    const trigger = await get(host);
    // what the renewal found shows as soon as it lands; the answer kept until then, to the window's end at most
    let after;
    do {
      await sleep(50);
      after = await get(host);
    } while (after.status === trigger.status && after.body.equals(trigger.body) && performance.now() < t0 + WINDOW_MS - 200);
    if (performance.now() < t0 + WINDOW_MS - 100) return { trigger, after };
  }
  assert.fail(`three times, this machine took longer than the kept answer's window (${WINDOW_MS} ms) to show a renewal`);
}

test('renewal: a busy domain\'s kept answer is renewed from KV in the background before it expires, serving the kept answer meanwhile; a change or a removal behind the API\'s back shows inside the window', async () => {
  const v1 = policyFor(['mx1.renew.example']);
  const v2 = policyFor(['mx2.renew.example'], 'enforce');
  const changed = await renewal('renew.example', v1, () => kvKey('put', 'policy:renew.example', v2));
  assert.equal(changed.trigger.body.toString(), crlf(v1), 'served from the kept answer while it is renewed');
  assert.equal(changed.after.status, 200);
  assert.equal(changed.after.body.toString(), crlf(v2), 'the renewal found the changed policy before the window ended');
  const removed = await renewal('renew.example', v2, () => kvKey('delete', 'policy:renew.example'));
  assert.equal(removed.trigger.body.toString(), crlf(v2));
  assert.equal(removed.after.status, 404, 'the renewal found the policy gone');
  assert.equal(json(removed.after).error.code, 'policy/unknown-domain');
});

/** Starts `wrangler dev --config config` on `port` with a fresh local state (`seed` may fill it first); resolves with
 * the child and the state once it serves the benchmark's policy. */
async function startWorker(config, port, seed = () => {}) {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'mtasts-bench-'));
  seed(state);
  const child = spawn('wrangler', ['dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port),
    '--persist-to', state, '--show-interactive-dev-session=false'], { cwd: ROOT, stdio: 'ignore', detached: true });
  for (let i = 0; i < 240; i++) {
    const ok = await request('GET', PATH, { headers: { Host: BENCH_HOST }, origin: `http://127.0.0.1:${port}` })
      .then((r) => r.status === 200, () => false);
    if (ok) return { child, state };
    await sleep(500);
  }
  process.kill(-child.pid);
  fs.rmSync(state, { recursive: true, force: true });
  throw new Error(`${config} did not start on port ${port}`);
}

/** `connections` keep-alive clients GET the policy for `ms`; gives requests/s, the latencies' median and p99. */
async function load(port, host, ms, connections = 16) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const lat = [];
  let bad = 0;
  const end = performance.now() + ms;
  const one = () => new Promise((resolve, reject) => {
    const t0 = performance.now();
    http.get({ host: '127.0.0.1', port, path: PATH, headers: { Host: host }, agent }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode !== 200) bad++; lat.push(performance.now() - t0); resolve(); });
    }).on('error', reject);
  });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => { while (performance.now() < end) await one(); }));
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { requests: lat.length, per_second: lat.length / secs, p50_ms: percentile(lat, 50), p99_ms: percentile(lat, 99), bad };
}

/** workerd's CPU time so far (s, user and system) of process `pid`, from /proc. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** The kernel's clock ticks per second, the unit of /proc's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** The process listening on `port` (`ss` names it). */
function listenerOf(port) {
  const pid = Number(/pid=(\d+)/.exec(execFileSync('ss', ['-Hltnp', `sport = :${port}`]).toString())?.[1]);
  assert.ok(pid > 0, `no process listens on port ${port}`);
  return pid;
}

/** The benchmark's rounds on `ports` ({ name: port }): a warm-up round each, not counted (V8 compiles hot Wasm and
 * JavaScript again, optimized, only after a while; Wasm starts on its baseline compiler; the figure wanted is the
 * steady state of a busy policy host, whose isolate lives for many requests), then [`SETS`] sets of one round per
 * worker, in every order. With `pids` ({ name: pid }), each round also gives that workerd's CPU per request. */
async function interleaved(ports, pids = {}) {
  const names = Object.keys(ports);
  const rounds = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await load(ports[n], BENCH_HOST, 5000);
  for (let i = 0; i < SETS; i++) {
    for (const n of everyOrder(names)[i % 6]) {
      const cpu0 = pids[n] && cpuSeconds(pids[n]);
      const round = await load(ports[n], BENCH_HOST, ROUND_MS);
      if (pids[n]) round.cpu_us = ((cpuSeconds(pids[n]) - cpu0) * 1e6) / round.requests;
      rounds[n].push(round);
    }
  }
  for (const r of Object.values(rounds).flat()) assert.equal(r.bad, 0, 'every answer a 200');
  return rounds;
}

/** The figures of [`interleaved`]'s rounds of `ours`, `baseline` and `control` (the same constant twice). */
function figures(rounds) {
  const names = Object.keys(rounds);
  const secs = (SETS * ROUND_MS) / 1000;
  // rounds on bare workerd carry workerd's CPU per request
  const withCpu = rounds.ours[0].cpu_us !== undefined;
  const median = (list) => percentile([...list].sort((x, y) => x - y), 50);
  const sum = (list) => ({
    per_second: +(list.reduce((a, r) => a + r.requests, 0) / secs).toFixed(0),
    p50_ms: +median(list.map((r) => r.p50_ms)).toFixed(2),
    p99_ms: +median(list.map((r) => r.p99_ms)).toFixed(2),
    ...(withCpu ? { workerd_cpu_us_per_request: +median(list.map((r) => r.cpu_us)).toFixed(1) } : {}),
  });
  const total = Object.fromEntries(names.map((n) => [n, sum(rounds[n])]));
  // against the baseline: the ratio of all requests served, and each set's ratio (min, quartiles, max)
  const against = (n) => {
    const sets = rounds[n].map((r, i) => r.per_second / rounds.baseline[i].per_second).sort((x, y) => x - y);
    const q = (p) => +percentile(sets, p).toFixed(3);
    return { ratio: +(total[n].per_second / total.baseline.per_second).toFixed(3), sets: { min: q(0), q1: q(25), median: q(50), q3: q(75), max: q(100) } };
  };
  return {
    connections: 16, sets: SETS, seconds_per_round: ROUND_MS / 1000,
    ours: total.ours, baseline_js_constant: total.baseline, control_js_constant: total.control,
    ours_over_baseline: against('ours'),
    control_over_baseline: against('control'),
    // which copy of the constant is "the baseline" is arbitrary (two identical copies differ by a few per cent in
    // one run, either way): ours against both, the ratio of all requests served to the copies' mean
    ours_over_both_constants: +((2 * total.ours.per_second) / (total.baseline.per_second + total.control.per_second)).toFixed(3),
    // the same set by set, with a 95 % confidence interval of its mean, and the control's against the baseline:
    // whether a run tells ours from the constant at all
    ours_over_both_constants_sets: meanInterval(rounds.ours.map((r, i) => (2 * r.per_second) / (rounds.baseline[i].per_second + rounds.control[i].per_second))),
    control_over_baseline_sets: meanInterval(rounds.control.map((r, i) => r.per_second / rounds.baseline[i].per_second)),
    // what ours costs workerd per request beyond the constant: each set's difference to the copies' mean, median
    ...(withCpu ? {
      ours_extra_cpu_us_per_request: +median(rounds.ours.map((r, i) => r.cpu_us - (rounds.baseline[i].cpu_us + rounds.control[i].cpu_us) / 2)).toFixed(1),
    } : {}),
    // the order of each set's rounds
    orders: Array.from({ length: SETS }, (_, i) => everyOrder(names)[i % 6].join(' ')),
    // each round's requests/s, set by set, so the spread of this shared machine is on record
    rounds_per_second: Object.fromEntries(names.map((n) => [n, rounds[n].map((r) => Math.round(r.per_second))])),
  };
}

/** Student's t for a two-sided 95 % interval with [`SETS`] − 1 = 11 degrees of freedom. */
const T95 = 2.201;

/** The mean of `values` (one per set) and its 95 % confidence interval (Student's t: the sets are few). */
function meanInterval(values) {
  assert.equal(values.length, SETS, 'one value per set (T95 is for SETS - 1 degrees of freedom)');
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  const half = (T95 * sd) / Math.sqrt(values.length);
  return { mean: +mean.toFixed(3), ci95: [+(mean - half).toFixed(3), +(mean + half).toFixed(3)] };
}

/** Asserts that the workers on `ports` all answer the benchmark's fetch with the same policy. */
async function sameAnswer(ports) {
  const bodies = await Promise.all(Object.values(ports).map((port) => request('GET', PATH, { headers: { Host: BENCH_HOST }, origin: `http://127.0.0.1:${port}` })));
  for (const r of bodies) assert.equal(r.status, 200);
  for (const r of bodies) assert.equal(r.body.toString(), bodies[0].body.toString());
}

test(`benchmark: the policy host against a constant JavaScript worker, and that worker against a copy of itself, each on a wrangler of its own (16 connections, ${SETS} sets of interleaved rounds, every order twice)`, async () => {
  const base = Number(new URL(BASE).port);
  // ours (the e2e run's build, its policy stored in KV before it starts, linted when first served), the constant
  // (the baseline), and the constant again (the control, which measures the baseline against itself); each on a
  // wrangler started the same way, none on the e2e run's own
  const oursConfig = 'tests/policy-host-ours/wrangler.toml';
  const seed = (state) => kvKeyIn(state, oursConfig, 'put', 'policy:bench.example', policyFor(['*.bench.example']));
  const ports = { ours: base - 4, baseline: base - 2, control: base - 3 };
  const started = [];
  try {
    started.push(await startWorker(oursConfig, ports.ours, seed));
    started.push(await startWorker('tests/baseline/wrangler.toml', ports.baseline));
    started.push(await startWorker('tests/baseline/wrangler.toml', ports.control));
    await sameAnswer(ports);
    const stats = figures(await interleaved(ports));
    stats.ratio = stats.ours_over_baseline.ratio;
    console.log('policy-host:', JSON.stringify(stats));
    fs.writeFileSync(path.join(OUT, 'policy-host.json'), JSON.stringify(stats, null, 2));
  } finally {
    for (const { child, state } of started) {
      process.kill(-child.pid);
      fs.rmSync(state, { recursive: true, force: true });
    }
  }
});

/** Starts `worker` (Miniflare's options for one worker) on a Miniflare of its own on `port`: workerd serving the
 * worker straight, without the proxy `wrangler dev` puts in front of it. */
async function startBare(port, worker) {
  const { Miniflare, convertV4MiniflareOptions } = await import('miniflare');
  const mf = new Miniflare(convertV4MiniflareOptions({ host: '127.0.0.1', port, compatibilityDate: '2026-11-01', ...worker }));
  await mf.ready;
  return mf;
}

test(`benchmark: the same three workers on bare workerd (Miniflare, without wrangler dev's proxy, which costs each request several times what the worker does), with workerd's CPU per request (${SETS} sets, every order twice)`, async () => {
  const base = Number(new URL(BASE).port);
  const ports = { ours: base - 7, baseline: base - 5, control: base - 6 };
  const constant = { modules: true, scriptPath: path.join(ROOT, 'tests/baseline/policy-worker.js') };
  const worker = path.join(ROOT, 'worker');
  const started = [];
  try {
    // ours as wrangler.toml runs it: our entry over worker-build's output, the production window, a local KV
    const ours = await startBare(ports.ours, {
      name: 'ours', modulesRoot: worker, bindings: { POLICY_FRESH_SECONDS: '30' }, kvNamespaces: { MTASTS: 'bench' },
      modules: [
        { type: 'ESModule', path: path.join(worker, 'entry.mjs') },
        { type: 'ESModule', path: path.join(worker, 'build/index.js') },
        { type: 'CompiledWasm', path: path.join(worker, 'build/index_bg.wasm') },
      ],
    });
    started.push(ours);
    await (await ours.getKVNamespace('MTASTS')).put('policy:bench.example', policyFor(['*.bench.example']));
    started.push(await startBare(ports.baseline, { name: 'baseline', ...constant }));
    started.push(await startBare(ports.control, { name: 'control', ...constant }));
    await sameAnswer(ports);
    const pids = Object.fromEntries(Object.entries(ports).map(([n, port]) => [n, listenerOf(port)]));
    assert.equal(new Set(Object.values(pids)).size, 3, 'three workerd processes');
    const stats = figures(await interleaved(ports, pids));
    console.log('policy-host on bare workerd:', JSON.stringify(stats));
    fs.writeFileSync(path.join(OUT, 'policy-host-bare.json'), JSON.stringify(stats, null, 2));
  } finally {
    for (const mf of started) await mf.dispose();
  }
});
