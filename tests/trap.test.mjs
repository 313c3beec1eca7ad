// After a trap of the Wasm instance (every input path returns errors as values and is fuzzed, so only a bug can
// trap), the request that trapped gets workerd's 500 and the next one is answered by a rebuilt instance, with our
// entry (worker/entry.mjs) as with worker-build's. TRAP_PATH (scripts/e2e.sh; never in wrangler.toml) asks for a
// trap: a Rust panic or a bare Wasm `unreachable`, in `fetch` itself or in the future that answers the request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, putPolicy, policyFor, json } from './lib.mjs';

const TRAP = '/__trap';

for (const kind of ['panic', 'unreachable']) {
  for (const when of ['now', 'later']) {
    test(`a trap (${kind}, ${when === 'now' ? 'in fetch itself' : 'in the future answering the request'}): that request gets a 500, the next ones are answered`, async () => {
      await putPolicy('trap.example', policyFor(['mx.trap.example']));
      const trapped = await request('GET', `${TRAP}/${kind}/${when}`);
      assert.equal(trapped.status, 500, 'the request that trapped');
      // the policy host (its kept answers went with the old instance: read from KV again), a rule page, the API
      const policy = await request('GET', '/.well-known/mta-sts.txt', { headers: { Host: 'mta-sts.trap.example' } });
      assert.equal(policy.status, 200);
      assert.match(policy.body.toString(), /mx: mx\.trap\.example/);
      assert.equal((await request('GET', '/rules')).status, 200);
      const refused = await request('GET', '/api/reports');
      assert.equal(refused.status, 401);
      assert.equal(json(refused).error.code, 'auth/invalid-token');
    });
  }
}

test('TRAP_PATH traps only its own four paths', async () => {
  for (const p of [TRAP, `${TRAP}/panic`, `${TRAP}/panic/never`, `${TRAP}/other/now`, `${TRAP}x/panic/now`, `${TRAP}/panic/now/x`]) {
    const r = await request('GET', p);
    assert.ok(r.status < 500, `${p}: ${r.status}`);
  }
});
