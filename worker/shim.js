// The worker's JavaScript entry: worker-build's CUSTOM_SHIM template (wrangler.toml [build]), filled in and bundled
// by worker-build into worker/build/worker/shim.mjs. It holds no logic: it instantiates the Rust code (wasm-bindgen's
// glue) once per isolate and hands each event to its export of the same name, as a plain module-worker object.
//
// Why not worker-build's default entry: that one wraps every request in a WorkerEntrypoint instance and three
// Proxy objects (so that it can rebuild the Wasm instance after a trap). On the policy host, the product's hottest
// path, that glue was the largest part of the isolate's time per request (tests/policy-host.test.mjs; README
// "Design notes"). Our Rust code does not trap on input: every input path returns errors as values and is fuzzed.
import * as imports from "./index_bg.js";
import wasmModule from "./index.wasm";
$SNIPPET_JS_IMPORTS

const instance = new WebAssembly.Instance(wasmModule, {
  "./index_bg.js": imports,
  $SNIPPET_WASM_IMPORTS
});
imports.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

export default {
  fetch(request, env, ctx) {
    return imports.fetch(request, env, ctx);
  },
  email(message, env, ctx) {
    return imports.email(message, env, ctx);
  },
  scheduled(event, env, ctx) {
    return imports.scheduled(event, env, ctx);
  },
};
