#!/usr/bin/env python3
"""Writes each route's static shell into web/dist (issue: first paint without waiting for the wasm): the page's
title, the site header and the page's heading and lead, in English, from core/locales/en.ftl — what the app will
draw first — so the first paint needs only HTML and CSS. boot.js removes the shell once the app has mounted.

  /         -> index.html      /validate -> validate.html   /generate -> generate.html
  /reports  -> reports.html    /check    -> check.html      /stored   -> stored.html
  (Workers Static Assets serve `/x` from `x.html`)

The home page's shell is the whole page (web/src/pages/home.rs in English): its domain form is a plain GET to
/check and its links are links, so they work before the wasm has loaded.
"""
import html, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'web/dist')


def catalog(path):
    msgs = {}
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^([a-z0-9-]+) = (.*)$', line.rstrip('\n'))
        if m:
            msgs[m.group(1)] = m.group(2)
    return msgs


def main():
    t = catalog(os.path.join(ROOT, 'core/locales/en.ftl'))
    index = open(os.path.join(ROOT, 'web/static/index.html'), encoding='utf-8').read()
    routes = [('index', 'home', '/'), ('validate', 'validate', '/validate'), ('generate', 'generate', '/generate'),
              ('reports', 'reports', '/reports'), ('check', 'check', '/check'), ('stored', 'stored', '/stored')]
    nav = [('validate', '/validate'), ('generate', '/generate'), ('check', '/check'), ('reports', '/reports'), ('stored', '/stored')]
    for name, page, path in routes:
        e = lambda k: html.escape(t[k])
        current = ' aria-current="page"'
        items = ''.join(
            f'<li><a class="nav-link" href="{href}"><span{current if href == path else ""}>{e("ui--nav-" + key)}</span></a></li>'
            for key, href in nav)
        body = f'<p class="muted" role="status">{e("ui--loading")}</p>'
        if page == 'home':
            starts = ''.join(
                f'<li><a class="start" href="{href}"><strong>{e("ui--home-" + key)}</strong><span>{e("ui--home-" + key + "-text")}</span></a></li>'
                for key, href in [('check', '/check'), ('generate', '/generate'), ('reports', '/reports')])
            body = (f'<form class="form row domain-box" action="/check" method="get"><div class="field grow">'
                    f'<label for="home-domain">{e("ui--home-domain")}</label><input id="home-domain" name="domain" class="input" '
                    f'type="text" inputmode="url" autocomplete="off" spellcheck="false" placeholder="example.com" required></div>'
                    f'<div class="field"><span class="label">\u00a0</span><button class="btn" type="submit">{e("ui--check-run")}</button></div></form>'
                    f'<ul class="starts">{starts}</ul>'
                    f'<p class="muted">{e("ui--home-validate-text")} <a href="/validate">{e("ui--home-validate")}</a></p>')
        shell = (f'<div id="shell" class="app"><a class="skip-link" href="#main">{e("ui--skip")}</a><header class="top"><a class="brand" href="/"><span class="logo" aria-hidden="true">◆</span>mtasts</a>'
                 f'<nav aria-label="{e("ui--nav-label")}"><ul>{items}</ul></nav></header>'
                 f'<main id="main" tabindex="-1"><section class="page {page}"><h1>{e(f"ui--{page}-title")}</h1><p class="lead">{e(f"ui--{page}-lead")}</p>'
                 f'{body}</section></main></div>')
        out = index.replace('<body>', '<body>\n    ' + shell, 1)
        out = re.sub(r'<title>.*?</title>', f'<title>{e(f"ui--{page}-title")} — mtasts</title>', out, count=1)
        with open(os.path.join(DIST, f'{name}.html'), 'w', encoding='utf-8') as f:
            f.write(out)


main()
