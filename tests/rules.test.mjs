// The rule pages on workerd: /rules and /rules/<code> in five languages, and every example of the worker's own
// refusals replayed against the running worker — the bad request must be answered with its code, the good one
// must not. (Examples judged by core — policies, records, reports, facts — run in core/src/rules.rs's tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { request, json, TOKEN } from './lib.mjs';

const bed = process.env.TESTBED ? JSON.parse(fs.readFileSync(process.env.TESTBED, 'utf8')) : null;
const LANGS = ['en', 'it', 'es', 'de', 'ja'];
// this suite's own domain, so the reports and the policy it stores do not touch the other suites' example.com
const DOMAIN = 'rules.example';

test('/rules lists every code and /rules/policy/bad-mode shows the rule in five languages', async () => {
  const all = json(await request('GET', '/rules?format=json'));
  assert.ok(all.length > 130);
  const whys = new Set();
  for (const lang of LANGS) {
    const index = await request('GET', `/rules?lang=${lang}`);
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'], /text\/html/);
    assert.match(index.headers['content-security-policy'], /default-src 'none'/);
    const html = index.body.toString('utf8');
    assert.equal((html.match(/<tr>/g) || []).length, all.length, lang);
    const page = await request('GET', '/rules/policy/bad-mode', { headers: { 'Accept-Language': `${lang};q=0.9` } });
    assert.equal(page.status, 200);
    const text = page.body.toString('utf8');
    assert.ok(text.includes(`<html lang="${lang}">`), lang);
    assert.ok(text.includes('<li class="error">mode: strict</li>'), lang);
    assert.ok(text.includes('3.2.  MTA-STS Policies'), `${lang}: the RFC section's text`);
    const p = json(await request('GET', `/rules/policy/bad-mode?format=json&lang=${lang}`));
    assert.equal(p.bad.findings[0].code, 'policy/bad-mode');
    whys.add(p.why);
  }
  assert.equal(whys.size, 5, 'five languages, five texts');
  const missing = await request('GET', '/rules/policy/no-such-rule?lang=de');
  assert.equal(missing.status, 404);
  assert.match(missing.body.toString('utf8'), /policy\/no-such-rule/);
  assert.equal((await request('POST', '/rules')).status, 405);
});

/** The example as a request to this suite's domain; checks go to the testbed's working domain. */
function prepare(input) {
  const sub = (s) => s.replaceAll('example.com', DOMAIN);
  let path = sub(input.path);
  if (path.startsWith('/api/check') && bed) path = path.replaceAll(DOMAIN, bed.cases.find((c) => c.name === 'good').domain);
  const headers = Object.fromEntries(input.headers.map(([k, v]) => [k, sub(v.replaceAll('{token}', TOKEN))]));
  return { method: input.method, path, headers, body: input.body ? sub(input.body) : undefined, repeat: input.repeat };
}

/** Sends the example; a repeated request stops at its first refusal (a limit is reached somewhere in the run, and a
 * fixed window may have started again before the last one). */
async function send(ex) {
  let r;
  for (let i = 0; i < ex.repeat; i++) {
    r = await request(ex.method, ex.path, { headers: ex.headers, body: ex.body });
    if (ex.repeat > 1 && r.status >= 400) return r;
  }
  return r;
}

/** The codes an answer carries: the refusal's, and those of its details. */
function codesOf(r) {
  try {
    const v = json(r);
    return [v.error?.code, ...(v.details || []).map((d) => d.code)].filter(Boolean);
  } catch {
    return [];
  }
}

test('every request example: the bad one is answered with its code, the good one is not', async () => {
  const all = json(await request('GET', '/rules?format=json'));
  const rows = all.filter((p) => p.bad.input.kind === 'request' || p.good.input.kind === 'request');
  assert.ok(rows.length >= 15, `${rows.length} worker rules`);
  // the domain is served (the good PUT example is also the set-up of the others)
  const put = await request('PUT', `/api/policies/${DOMAIN}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    body: 'version: STSv1\nmode: enforce\nmx: mx1.rules.example\nmax_age: 604800\n',
  });
  assert.equal(put.status, 200);
  const failures = [];
  let replayed = 0;
  for (const p of rows) {
    if (p.code.startsWith('check/') && !bed) {
      test.skip?.(`${p.code}: ${process.env.TESTBED_SKIP || 'no testbed'}`);
      continue;
    }
    for (const [which, ex] of [['bad', p.bad], ['good', p.good]]) {
      if (ex.input.kind !== 'request') {
        // a circumstance (no request causes it): its page says when it happens instead
        assert.equal(ex.input.kind, 'circumstance', p.code);
        continue;
      }
      const r = await send(prepare(ex.input));
      const codes = codesOf(r);
      replayed++;
      if (which === 'bad' && !codes.includes(p.code)) failures.push(`${p.code}: bad example answered ${r.status} ${codes}`);
      if (which === 'good' && codes.includes(p.code)) failures.push(`${p.code}: good example answered ${r.status} ${codes}`);
      if (which === 'bad' && !(r.status >= 400 && r.status < 500)) failures.push(`${p.code}: bad example answered ${r.status}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(replayed >= 30, `${replayed} requests replayed`);
});
