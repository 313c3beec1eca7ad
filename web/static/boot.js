// Loads the wasm app (kept out of index.html so the CSP needs no inline script).
import init from '/mtasts-web.js';
await init({ module_or_path: '/mtasts-web_bg.wasm' });
