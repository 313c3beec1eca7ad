// The policy-host benchmark's baseline (tests/policy-host.test.mjs): a JavaScript worker that answers every
// request with one constant policy, the fastest a policy host on workerd can be. Run by the test on the same
// wrangler as ours, side by side.
const POLICY = 'version: STSv1\r\nmode: testing\r\nmx: *.bench.example\r\nmax_age: 604800\r\n';

export default {
  fetch() {
    return new Response(POLICY, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'max-age=60', 'X-Content-Type-Options': 'nosniff' },
    });
  },
};
