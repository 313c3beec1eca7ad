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
//
// A policy answer the Rust side served from what it keeps, it also offers for replay (`__mtastsReplay.offer`, from
// `worker/src/policy_host.rs`): the body, status and headers it built, and until when it would serve them again
// without looking at KV. The same request (method, `Host`, URL) is then answered here, from those, until then,
// with no Wasm call: the work of a constant JavaScript worker, plus reading the request and one lookup. Nothing is
// decided here: the Rust side chooses what is offered and for how long (never past the point where it would renew
// from KV), and drops every offer when the admin API changes a policy (`__mtastsReplay.forget`).
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

/** Answers offered for replay, by the value of the request's `Host` header (`null` when it has none): the URL they
 * answer and, by method, `{ body, init, until }` (`body` null for a HEAD). One URL per host: a request for another
 * (a query added) is answered by the Rust side, and its offer replaces the first. Keyed by host and compared by
 * URL and method, rather than by one string of all three, whose building and hashing was a third of this entry's
 * own time under V8's profiler. An instance that trapped leaves the offers good: they are JavaScript objects, not
 * views of Wasm memory. */
const replays = new Map();
/** The most hosts kept; past it all go (a sender can make a host per request by varying the port in `Host`; each
 * is then answered by the Rust side, as before it was offered). */
const MAX_REPLAYS = 1024;
/** The request the Rust side is answering, while it does (its offers are for that request): `{ host, url, method }`,
 * what its answer to a policy fetch depends on (without `Host`, it uses the URL's host). */
let answering;

globalThis.__mtastsReplay = {
  /** Keeps the answer to the request being answered, to serve the same again until `until` (ms since the epoch). */
  offer(body, init, until) {
    if (answering === undefined) return;
    const { host, url, method } = answering;
    let kept = replays.get(host);
    if (kept === undefined || kept.url !== url) {
      if (kept === undefined && replays.size >= MAX_REPLAYS) replays.clear();
      kept = { url, byMethod: new Map() };
      replays.set(host, kept);
    }
    kept.byMethod.set(method, { body, init, until });
  },
  /** Drops every answer offered (a policy changed through the admin API). */
  forget() {
    replays.clear();
  },
};

export default {
  fetch(request, env, ctx) {
    const host = request.headers.get('Host');
    const url = request.url;
    const method = request.method;
    const kept = replays.get(host);
    if (kept !== undefined && kept.url === url) {
      const replay = kept.byMethod.get(method);
      if (replay !== undefined && Date.now() < replay.until) return new Response(replay.body, replay.init);
    }
    let answer;
    answering = { host, url, method };
    try {
      answer = initState.criticalError ? new Entrypoint(ctx, env).fetch(request) : rustFetch.call({ env, ctx }, request);
    } catch (e) {
      noteTrap(e);
    } finally {
      answering = undefined;
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
