// The worker's entry (wrangler.toml `main`): worker-build's output (worker/build/index.js, the Rust code and its
// glue) behind a plain module-worker object, so that a request does not pay for worker-build's own entry.
//
// That entry is a `WorkerEntrypoint` class inside a `Proxy`: workerd constructs it for every request, and each
// access to `fetch` makes two more `Proxy` objects, so that it can rebuild the Wasm instance after a trap. On the
// policy host, the product's hottest path, that was the largest part of the isolate's time besides the `Response`
// itself (V8's profiler: worker-build's `E`, `construct`, `WorkerEntrypoint` and `get` frames; README "Design
// notes"). Here `fetch` calls the Rust `fetch` directly and takes worker-build's way only after a trap: then
// `initState.criticalError` is set (by the `worker` crate's panic hook, or by `noteTrap` below), and constructing
// worker-build's entry rebuilds the instance first, as it would have. (The `worker` crate's abort handler also has
// wasm-bindgen's glue rebuild an instance that trapped, at its next call.) `email` and `scheduled` are rare and
// take worker-build's way every time.
import Entrypoint from './build/index.js';

/** worker-build's state of this isolate's Wasm instance (`criticalError`: it trapped, rebuild before use). */
const initState = globalThis.__worker_init_state;
/** The Rust `fetch`, as worker-build's entry calls it (`this` carries `env` and `ctx`). */
const rustFetch = Entrypoint.prototype.fetch;
if (typeof initState?.criticalError !== 'boolean' || typeof rustFetch !== 'function') {
  // a worker-build whose output is not what this entry was written for (worker =0.8.7): refuse to start
  throw new Error('worker/entry.mjs: worker-build output without __worker_init_state or a fetch handler');
}

/** Marks the instance for a rebuild after a trap (`WebAssembly.RuntimeError`), as worker-build's entry does, and
 * throws `e` on: the request that trapped gets workerd's 500 (tests/trap.test.mjs: the next one is answered, after
 * a panic or a bare `unreachable`, in `fetch` itself or in its future). */
function noteTrap(e) {
  if (e instanceof WebAssembly.RuntimeError) initState.criticalError = true;
  throw e;
}

export default {
  fetch(request, env, ctx) {
    let answer;
    try {
      answer = initState.criticalError ? new Entrypoint(ctx, env).fetch(request) : rustFetch.call({ env, ctx }, request);
    } catch (e) {
      noteTrap(e);
    }
    // a kept policy answer is the Response itself; anything else a promise of one
    return answer instanceof Response ? answer : answer.catch(noteTrap);
  },
  email(message, env, ctx) {
    return new Entrypoint(ctx, env).email(message);
  },
  scheduled(controller, env, ctx) {
    return new Entrypoint(ctx, env).scheduled(controller);
  },
};
