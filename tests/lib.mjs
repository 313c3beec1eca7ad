// Shared helpers for the end-to-end tests: HTTP on loopback with full control of headers (Host included),
// the corpus location, and the admin token of the running worker.
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8799';
export const TOKEN = process.env.ADMIN_TOKEN || '';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = process.env.MTASTS_CORPUS || path.resolve(ROOT, '../shared/corpus');
export const OUT = path.join(ROOT, 'tests/out');
fs.mkdirSync(OUT, { recursive: true });

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request (to our worker, or to `origin`); resolves { status, headers, body: Buffer, ms }. Never rejects
 * on HTTP status. */
export function request(method, urlPath, { headers = {}, body, origin = BASE } = {}) {
  // the path is sent as given (a `//…` path is not a protocol-relative URL here)
  const base = new URL(origin);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({ host: base.hostname, port: base.port, path: urlPath, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const admin = (method, p, opts = {}) =>
  request(method, p, { ...opts, headers: { Authorization: `Bearer ${TOKEN}`, ...(opts.headers || {}) } });

export const json = (r) => JSON.parse(r.body.toString('utf8'));

/** Stores a policy for `domain` through the admin API. */
export async function putPolicy(domain, text) {
  const r = await admin('PUT', `/api/policies/${domain}`, { body: text });
  if (r.status !== 200) throw new Error(`PUT policy ${domain}: ${r.status} ${r.body}`);
  return json(r);
}

export const policyFor = (mx, mode = 'testing') => `version: STSv1\nmode: ${mode}\n${mx.map((m) => `mx: ${m}\n`).join('')}max_age: 604800\n`;

/** Rows of the corpus's EXPECTED.tsv. */
export function expected() {
  return fs.readFileSync(path.join(CORPUS, 'EXPECTED.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Every stored report a listing query matches, following `/api/reports`' cursor page by page. */
export async function listAll(query = '') {
  const out = [];
  let cursor = '';
  for (let pages = 0; pages < 10_000; pages++) {
    const sep = query ? '&' : '';
    const r = await admin('GET', `/api/reports?${query}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200) throw new Error(`listing: ${r.status} ${r.body}`);
    const page = json(r);
    out.push(...page.reports);
    if (!page.cursor) return out;
    cursor = page.cursor;
  }
  throw new Error('listing did not end');
}

/**
 * The local SQLite file wrangler keeps under the persist directory for D1 (`'d1'`) or KV (`'kv'`): the tests'
 * way to look at or break the real store from outside the worker.
 */
export function stateFile(kind) {
  const dir = path.join(process.env.KV_STATE, 'v3', kind, kind === 'd1' ? 'miniflare-D1DatabaseObject' : 'miniflare-KVNamespaceObject');
  const f = fs.readdirSync(dir).find((n) => n.endsWith('.sqlite') && n !== 'metadata.sqlite');
  return path.join(dir, f);
}

/** Runs `statements` on a state file (python's sqlite3) and gives the rows of the last one. */
export function sqlite(kind, statements) {
  const out = execFileSync('python3', ['-c', `
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
rows = []
for s in sys.argv[2:]:
    rows = c.execute(s).fetchall()
c.commit()
print(json.dumps(rows))
`, stateFile(kind), ...statements]);
  return JSON.parse(out.toString());
}
