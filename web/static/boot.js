// Loads the wasm app (a file of this site, allowed by the CSP as 'self'). The page's static shell
// (scripts/shells.py: header, heading and lead, so the first paint needs no wasm) goes as soon as the app has
// mounted its own tree beside it.
import init from '/mtasts-web.js';
const shell = document.getElementById('shell');
if (shell) {
  const mounted = () => [...document.body.children].some((e) => e !== shell && e.classList.contains('app'));
  new MutationObserver((_, observer) => {
    if (mounted()) {
      // what was typed into the shell's form before the app came is carried into the app's own field
      for (const input of shell.querySelectorAll('input[id]')) {
        const twin = [...document.querySelectorAll(`#${input.id}`)].find((e) => e !== input);
        if (twin && input.value) {
          twin.value = input.value;
          if (document.activeElement === input) twin.focus();
        }
      }
      shell.remove();
      observer.disconnect();
    }
  }).observe(document.body, { childList: true });
}
// the shell is painted before the app starts, however fast the wasm arrives: its heading and lead are then the
// page's largest contentful paint, which the app's identical ones do not replace
if (shell) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
await init({ module_or_path: '/mtasts-web_bg.wasm' });
