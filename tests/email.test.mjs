// Report e-mail on workerd (RFC 8460 §5.3), delivered as Email Routing would through wrangler's local endpoint
// (POST /cdn-cgi/local/email?from=&to=, the raw message as the body). DKIM is required (RFC 8460 §3): messages
// are signed with the testbed's test key (`mtasts-testbed sign`), whose record the testbed's DNS publishes and the
// worker fetches through DNS over HTTPS. Every corpus e-mail is stored with the totals of EXPECTED.tsv; the
// refusals carry their reason to the sender.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { listAll, request, admin, json, putPolicy, policyFor, expected, CORPUS, BASE, ROOT } from './lib.mjs';

const skip = process.env.TESTBED_SKIP || (!process.env.TESTBED && 'TESTBED is not set: run through scripts/e2e.sh');
const SIGN = process.env.TESTBED_BIN;
const TO = 'tlsrpt@reports.example.com';

/** The message signed by `domain` with the testbed's key (`extra`: more flags, e.g. --body-length). */
const sign = (msg, domain, extra = []) =>
  execFileSync(SIGN, ['sign', '--domain', domain, ...extra], { input: msg, maxBuffer: 64 << 20 });

/** Delivers a message as Email Routing would; { status, outcome, rejectReason, forwards }. */
async function deliver(msg, from = 'noreply-smtp-tls-reporting@google.com') {
  const r = await request('POST', `/cdn-cgi/local/email?format=json&from=${encodeURIComponent(from)}&to=${encodeURIComponent(TO)}`,
    { headers: { 'Content-Type': 'message/rfc822' }, body: msg });
  // `format=json`: {outcome: "ok" once the handler ran, rejectReason when it rejected, forwards}; the endpoint's
  // own refusals (no Message-ID, over 25 MiB) are text
  let body = {};
  try { body = json(r); } catch { body = { text: r.body.toString('utf8') }; }
  return { status: r.status, forwards: [], ...body };
}

const fromOf = (msg) => /^From:.*?([^\s<]+@[^\s>]+)/im.exec(msg.toString('latin1'))?.[1] || 'x@example.net';
const domainOf = (addr) => addr.split('@')[1].toLowerCase();

/** A minimal RFC 8460 §5.3 report e-mail for `policyDomain`, from `sender`, the report gzip-compressed. */
function reportMail({ policyDomain = 'mail-e2e.example', sender = 'reporter.test', id = `${Date.now()}-${Math.random()}`, ok = 7, failed = 1, extraHeaders = '', gz } = {}) {
  const report = {
    'organization-name': 'Reporter Test', 'contact-info': `tlsrpt@${sender}`, 'report-id': id,
    'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' },
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': policyDomain, 'policy-string': ['version: STSv1', 'mode: testing', `mx: mx.${policyDomain}`, 'max_age: 604800'], 'mx-host': [`mx.${policyDomain}`] },
      summary: { 'total-successful-session-count': ok, 'total-failure-session-count': failed },
      'failure-details': failed ? [{ 'result-type': 'certificate-expired', 'sending-mta-ip': '192.0.2.1', 'receiving-mx-hostname': `mx.${policyDomain}`, 'failed-session-count': failed }] : [] }],
  };
  const attachment = (gz || zlib.gzipSync(Buffer.from(JSON.stringify(report)))).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from([
    `From: TLS reports <noreply@${sender}>`, `To: ${TO}`, `Subject: Report Domain: ${policyDomain} Submitter: ${sender} Report-ID: <${id}@${sender}>`,
    `Date: Tue, 01 Dec 2026 06:00:00 +0000`, `Message-ID: <${id}@${sender}>`, `TLS-Report-Domain: ${policyDomain}`, `TLS-Report-Submitter: ${sender}`,
    ...(extraHeaders ? [extraHeaders] : []),
    'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=tlsrpt; boundary="b"', '',
    '--b', 'Content-Type: text/plain', '', 'This is an aggregate TLS report.', '',
    '--b', 'Content-Type: application/tlsrpt+gzip', 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${sender}!${policyDomain}!1796083200!1796169599.json.gz"`, '', attachment, '--b--', '',
  ].join('\r\n'));
}

/** The stored reports of `domain` (admin API), with their metadata. */
const storedOf = async (domain) => listAll(`domain=${domain}`);

test('every corpus e-mail, signed by its sender, is stored once with the totals of EXPECTED.tsv', { skip }, async () => {
  for (const d of ['example.com', 'cardinalhealth.ca']) await putPolicy(d, policyFor([`mx.${d}`]));
  const rows = expected().filter((r) => r[0] === 'report' && r[1].endsWith('.eml'));
  assert.ok(rows.length >= 4, 'corpus e-mails');
  for (const [, file, org, id, , ok, failed] of rows) {
    const raw = fs.readFileSync(path.join(CORPUS, file));
    const from = fromOf(raw);
    const signed = sign(raw, domainOf(from));
    const r = await deliver(signed, from);
    assert.equal(r.status, 200, `${file}: ${JSON.stringify(r)}`);
    assert.equal(r.outcome, 'ok', file);
    assert.equal(r.rejectReason, undefined, `${file}: ${r.rejectReason}`);
    assert.deepEqual(r.forwards.map((f) => f.recipient), ['archive@example.com'], `${file}: the user's copy`);
    const again = await deliver(signed, from);
    assert.equal(again.rejectReason, undefined, `${file}: a second copy is accepted (and stored once)`);
    const all = (await listAll()).filter((x) => x.meta?.org === org && x.meta?.id === id);
    assert.equal(all.length, 1, `${file}: stored once`);
    const m = all[0].meta;
    assert.equal(m.s, Number(ok), file);
    assert.equal(m.f, Number(failed), file);
    assert.equal(m.via, 'email', file);
    assert.equal(m.enc, 'email', file);
    assert.equal(m.from, from, file);
    assert.match(m.dkim, new RegExp(`^pass ${domainOf(from).replace('.', '\\.')}$`), file);
    // the whole message is kept as received
    const rawBack = await admin('GET', `/api/reports/${encodeURIComponent(all[0].key)}?raw=1`);
    assert.equal(rawBack.headers['content-type'], 'message/rfc822');
    assert.deepEqual(rawBack.body, signed, `${file}: original bytes`);
  }
});

test('the same report by e-mail and by HTTPS is stored once', { skip }, async () => {
  await putPolicy('mail-e2e.example', policyFor(['mx.mail-e2e.example']));
  const id = `both-${Date.now()}`;
  const msg = sign(reportMail({ id, ok: 11, failed: 0 }), 'reporter.test');
  assert.equal((await deliver(msg, 'noreply@reporter.test')).rejectReason, undefined);
  const stored = (await storedOf('mail-e2e.example')).filter((x) => x.meta.id === id);
  assert.equal(stored.length, 1);
  // the report inside, uploaded over HTTPS (RFC 8460 §5.4), is the same report
  const parsed = json(await admin('GET', `/api/reports/${encodeURIComponent(stored[0].key)}`)).report;
  const up = await request('POST', '/v1/tlsrpt', { headers: { 'Content-Type': 'application/tlsrpt+json' }, body: JSON.stringify(parsed) });
  assert.equal(up.status, 200, up.body.toString());
  assert.equal(json(up).status, 'duplicate');
  assert.equal(json(up).key, stored[0].key);
  assert.equal((await storedOf('mail-e2e.example')).filter((x) => x.meta.id === id).length, 1);
  // the summary says how reports arrived
  const arrivals = json(await admin('GET', '/api/summary?domain=mail-e2e.example')).arrivals;
  assert.ok(arrivals.via.email >= 1, JSON.stringify(arrivals));
  assert.ok(arrivals.recent.some((x) => x.report_id === id && x.via === 'email' && x.dkim === 'pass reporter.test'));
});

test('refused with the reason a bounce shows: DKIM (RFC 8460 §3), domains not served, not a report, caps', { skip }, async () => {
  await putPolicy('mail-e2e.example', policyFor(['mx.mail-e2e.example']));
  const good = reportMail();
  const signedGood = sign(good, 'reporter.test');
  const tampered = Buffer.from(signedGood.toString('latin1').replace('This is an aggregate TLS report.', 'This is an aggregate TLS report!'), 'latin1');
  const forged = reportMail({ extraHeaders: 'Authentication-Results: mx.cloudflare.net; dkim=pass header.d=reporter.test; dmarc=pass' });
  const bomb = reportMail({ gz: zlib.gzipSync(Buffer.alloc(40 << 20, 0x20)) });
  const manyParts = (() => {
    const part = good.toString('latin1').split('--b\r\nContent-Type: application/tlsrpt+gzip')[1].split('--b--')[0];
    const head = good.toString('latin1').split('--b\r\n')[0];
    return Buffer.from(head + Array.from({ length: 21 }, () => `--b\r\nContent-Type: application/tlsrpt+gzip${part}`).join('') + '--b--\r\n', 'latin1');
  })();
  const plain = Buffer.from(`From: alice@reporter.test\r\nTo: ${TO}\r\nSubject: lunch?\r\nMessage-ID: <lunch@reporter.test>\r\n\r\nSee you at noon.\r\n`);
  const malformed = Buffer.from(`From: x@reporter.test\r\nTo: ${TO}\r\nMessage-ID: <m@reporter.test>\r\nContent-Type: multipart/report; boundary="never"\r\n\r\n--nope\r\nContent-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%% not base64\r\n`);
  const cases = [
    ['unsigned', good, 'dkim/missing'],
    ['tampered body', tampered, 'dkim/invalid'],
    ['signed by another domain', sign(good, 'example.com'), 'dkim/wrong-domain'],
    ['l= signature', sign(good, 'reporter.test', ['--body-length']), 'dkim/body-length'],
    ['forged Authentication-Results', forged, 'dkim/missing'],
    ['policy domain not served', sign(reportMail({ policyDomain: 'unserved-e2e.example' }), 'reporter.test'), 'ingest/domain-not-served'],
    ['plain mail', plain, 'report/email-without-report'],
    ['malformed MIME', malformed, 'report/'],
    ['gzip bomb', sign(bomb, 'reporter.test'), 'report/inflated-too-large'],
    ['21 report parts', sign(manyParts, 'reporter.test'), 'report/too-many-parts'],
    // 9 MB in a few long lines (the local endpoint's MIME parser is slow on 100,000 short ones)
    ['9 MB message', Buffer.concat([good.subarray(0, good.indexOf('--b--')), Buffer.from(`--b\r\nContent-Type: text/plain\r\n\r\n${`${'x'.repeat(1 << 20)}\r\n`.repeat(9)}--b--\r\n`)]), 'report/too-large'],
  ];
  const before = (await storedOf('mail-e2e.example')).length;
  for (const [name, msg, code] of cases) {
    const r = await deliver(msg, name === 'plain mail' ? 'alice@reporter.test' : 'noreply@reporter.test');
    assert.ok((r.rejectReason || '').startsWith(code), `${name}: ${JSON.stringify(r)}`);
    assert.deepEqual(r.forwards, [], `${name}: nothing forwarded`);
  }
  assert.equal((await storedOf('mail-e2e.example')).length, before, 'nothing stored');
  // a 30 MB message: the local endpoint refuses it as Email Routing does (25 MiB), before the worker
  const huge = await request('POST', `/cdn-cgi/local/email?from=a%40reporter.test&to=${encodeURIComponent(TO)}`, { body: Buffer.alloc(30 << 20, 0x61) });
  assert.equal(huge.status, 400);
  // and the signed good one is taken
  const taken = await deliver(signedGood, 'noreply@reporter.test');
  assert.equal(taken.rejectReason, undefined, JSON.stringify(taken));
  assert.deepEqual(taken.forwards.map((f) => f.recipient), ['archive@example.com']);
});

test('/api/records proposes the mailbox first, then the HTTPS endpoint, and says why', { skip }, async () => {
  await putPolicy('mail-e2e.example', policyFor(['mx.mail-e2e.example']));
  const r = json(await admin('GET', '/api/records?domain=mail-e2e.example&lang=it'));
  assert.match(r.tlsrpt.value, /^v=TLSRPTv1; rua=mailto:tlsrpt@reports\.example\.com,https:\/\/mta-sts\.mail-e2e\.example\/v1\/tlsrpt$/);
  assert.match(r.rua_order, /Microsoft/);
  assert.match(r.rua_order, /prima/);
});

test('FORWARD_OTHER_TO: mail that is not a report is forwarded instead of refused (a second workerd)', { skip }, async () => {
  // one wrangler instance has one configuration: a second one, on the same build, with FORWARD_OTHER_TO set
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtasts-fwd-'));
  const config = fs.readFileSync(path.join(ROOT, 'wrangler.toml'), 'utf8')
    .replace(/^\[build\][\s\S]*?(?=^\[)/m, '') // the first instance built it already
    .replace(/^main = ".*"$/m, `main = "${path.join(ROOT, 'worker/entry.mjs')}"`);
  fs.writeFileSync(path.join(dir, 'wrangler.toml'), config);
  const port = Number(new URL(BASE).port) + 1;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/wrangler'), ['dev', '-c', path.join(dir, 'wrangler.toml'),
    '--ip', '127.0.0.1', '--port', String(port), '--persist-to', path.join(dir, 'state'), '--show-interactive-dev-session=false',
    '--var', 'FORWARD_OTHER_TO:postmaster@example.com', '--var', 'ADMIN_TOKEN:fwd-test'], { stdio: 'ignore', env: process.env });
  try {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {
      up = await fetch(`http://127.0.0.1:${port}/rules?format=json`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(up, 'second wrangler dev answered');
    const plain = `From: alice@reporter.test\r\nTo: ${TO}\r\nSubject: lunch?\r\nMessage-ID: <fwd@reporter.test>\r\n\r\nSee you at noon.\r\n`;
    const r = await fetch(`http://127.0.0.1:${port}/cdn-cgi/local/email?format=json&from=alice%40reporter.test&to=${encodeURIComponent(TO)}`,
      { method: 'POST', body: plain }).then((x) => x.json());
    assert.equal(r.rejectReason, undefined, JSON.stringify(r));
    assert.deepEqual(r.forwards.map((f) => f.recipient), ['postmaster@example.com']);
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
