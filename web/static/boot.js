// Loads the wasm app (kept out of index.html so the CSP needs no inline script). The page's static shell
// (scripts/shells.py: header, heading and lead, so the first paint needs no wasm) goes as soon as the app has
// mounted its own tree beside it.
import init from '/mtasts-web.js';
const shell = document.getElementById('shell');
if (shell) {
  const mounted = () => [...document.body.children].some((e) => e !== shell && e.classList.contains('app'));
  new MutationObserver((_, observer) => {
    if (mounted()) {
      shell.remove();
      observer.disconnect();
    }
  }).observe(document.body, { childList: true });
}
await init({ module_or_path: '/mtasts-web_bg.wasm' });
