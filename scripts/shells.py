#!/usr/bin/env python3
"""Writes each route's static shell into web/dist (issue: first paint without waiting for the wasm): the page's
title, the site header and the page's heading and lead, from core/locales/*.ftl — what the app will draw first —
so the first paint needs only HTML and CSS. boot.js removes the shell once the app has mounted.

  /         -> index.html      /validate -> validate.html   /generate -> generate.html
  /reports  -> reports.html    /check    -> check.html      /stored   -> stored.html
  (Workers Static Assets serve `/x` from `x.html`)

The shell is written in English, and every text in it names its catalog message (`data-t`, `data-t-label` for an
`aria-label`). The page also carries those messages in the other languages (a JSON data block, ~1 KB each) and
one small inline script that picks the language the app will pick (the visitor's remembered choice, else
`navigator.languages`, else English; web/src/i18n.rs) and puts its texts in before the first paint. So a reader in
Italian never sees an English heading replaced by an Italian one. The script is the same on every page, and the
Content-Security-Policy in _headers allows exactly it by its SHA-256 (no 'unsafe-inline'). With scripts off the
shell stays English, and its form and links still work.

The home page's shell is the whole page (web/src/pages/home.rs): its domain form is a plain GET to /check and its
links are links, so they work before the wasm has loaded.
"""
import base64, hashlib, html, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'web/dist')
LANGS = ['en', 'it', 'es', 'de', 'ja']

# Puts the shell's texts in the app's language before the first paint. Kept free of any page-specific text, so
# its one hash in the Content-Security-Policy fits every page. Mirrors web/src/i18n.rs's `detect` and core's
# `Lang::from_tag` (the primary subtag of a tag).
SCRIPT = """(function () {
  var d = document, data, pick, l = null, s, prefs, t, n, i, k;
  try { data = JSON.parse(d.getElementById('shell-text').textContent); } catch (e) { return; }
  pick = function (tag) {
    var p = String(tag).split(/[-_.]/)[0].toLowerCase();
    return p === 'en' || Object.prototype.hasOwnProperty.call(data.langs, p) ? p : null;
  };
  try { s = JSON.parse(localStorage.getItem('mtasts-lang')); if (typeof s === 'string') l = pick(s); } catch (e) {}
  prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (i = 0; !l && i < prefs.length; i++) l = pick(prefs[i]);
  t = l && l !== 'en' ? data.langs[l] : null;
  if (!t) return;
  d.documentElement.lang = l;
  n = d.querySelectorAll('[data-t]');
  for (i = 0; i < n.length; i++) { k = t[n[i].getAttribute('data-t')]; if (k) n[i].textContent = k; }
  n = d.querySelectorAll('[data-t-label]');
  for (i = 0; i < n.length; i++) { k = t[n[i].getAttribute('data-t-label')]; if (k) n[i].setAttribute('aria-label', k); }
  if (t[data.title]) d.title = t[data.title] + ' \\u2014 mtasts';
})();"""


def catalog(lang):
    msgs = {}
    for line in open(os.path.join(ROOT, f'core/locales/{lang}.ftl'), encoding='utf-8'):
        m = re.match(r'^([a-z0-9-]+) = (.*)$', line.rstrip('\n'))
        if m:
            msgs[m.group(1)] = m.group(2)
    return msgs


def main():
    cats = {l: catalog(l) for l in LANGS}
    en = cats['en']
    index = open(os.path.join(ROOT, 'web/static/index.html'), encoding='utf-8').read()
    routes = [('index', 'home', '/'), ('validate', 'validate', '/validate'), ('generate', 'generate', '/generate'),
              ('reports', 'reports', '/reports'), ('check', 'check', '/check'), ('stored', 'stored', '/stored')]
    nav = [('validate', '/validate'), ('generate', '/generate'), ('check', '/check'), ('reports', '/reports'), ('stored', '/stored')]
    for name, page, path in routes:
        used = []

        def e(k):
            used.append(k)
            return html.escape(en[k])

        def t(k, tag='span', attrs=''):
            """The English text of message `k` in an element that names it."""
            return f'<{tag}{attrs} data-t="{k}">{e(k)}</{tag}>'

        current = ' aria-current="page"'
        items = ''.join(
            f'<li><a class="nav-link" href="{href}">{t("ui--nav-" + key, "span", current if href == path else "")}</a></li>'
            for key, href in nav)
        body = t('ui--loading', 'p', ' class="muted" role="status"')
        if page == 'home':
            label = t('ui--home-domain', 'label', ' for="home-domain"')
            button = t('ui--check-run', 'button', ' class="btn" type="submit"')
            validate = t('ui--home-validate', 'a', ' href="/validate"')
            starts = ''.join(
                f'<li><a class="start" href="{href}">{t("ui--home-" + key, "strong")}{t("ui--home-" + key + "-text")}</a></li>'
                for key, href in [('check', '/check'), ('generate', '/generate'), ('reports', '/reports')])
            body = (f'<form class="form row domain-box" action="/check" method="get"><div class="field grow">'
                    f'{label}<input id="home-domain" name="domain" class="input" '
                    f'type="text" inputmode="url" autocomplete="off" spellcheck="false" placeholder="example.com" required></div>'
                    f'<div class="field"><span class="label">\u00a0</span>{button}</div></form>'
                    f'<ul class="starts">{starts}</ul>'
                    f'<p class="muted">{t("ui--home-validate-text")} {validate}</p>')
        used.append('ui--nav-label')
        skip = t('ui--skip', 'a', ' class="skip-link" href="#main"')
        lead = t(f'ui--{page}-lead', 'p', ' class="lead"')
        shell = (f'<div id="shell" class="app">{skip}<header class="top"><a class="brand" href="/"><span class="logo" aria-hidden="true">◆</span>mtasts</a>'
                 f'<nav aria-label="{html.escape(en["ui--nav-label"])}" data-t-label="ui--nav-label"><ul>{items}</ul></nav></header>'
                 f'<main id="main" tabindex="-1"><section class="page {page}">{t(f"ui--{page}-title", "h1")}{lead}'
                 f'{body}</section></main></div>')
        title = f'ui--{page}-title'
        used.append(title)
        texts = {'title': title, 'langs': {l: {k: cats[l][k] for k in dict.fromkeys(used) if k in cats[l]} for l in LANGS if l != 'en'}}
        # a data block, never executed; every `<` escaped, so no text can close or confuse the element
        data = json.dumps(texts, ensure_ascii=False, separators=(',', ':')).replace('<', '\\u003c')
        script = f'<script type="application/json" id="shell-text">{data}</script><script>{SCRIPT}</script>'
        out = index.replace('<body>', '<body>\n    ' + shell + script, 1)
        out = re.sub(r'<title>.*?</title>', f'<title>{e(title)} — mtasts</title>', out, count=1)
        with open(os.path.join(DIST, f'{name}.html'), 'w', encoding='utf-8') as f:
            f.write(out)
    # the Content-Security-Policy allows this one inline script by its hash (CSP Level 2 §4.2.4)
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode('utf-8')).digest()).decode()
    headers = os.path.join(DIST, '_headers')
    text = open(headers, encoding='utf-8').read()
    if "script-src 'self'" not in text:
        sys.exit("shells.py: _headers has no script-src 'self' to add the shell script's hash to")
    text = text.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'", 1)
    with open(headers, 'w', encoding='utf-8') as f:
        f.write(text)


main()
