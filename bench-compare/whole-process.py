#!/usr/bin/env python3
"""Whole-process timings of `mtasts report` against mail-auth 0.13.3 on the same synthetic 26 MB report (1,000
policies x 100 failure details), side by side in one run: rounds interleaved, medians, and peak memory
(/usr/bin/time's maximum resident set). Run by hand from the repository root:

    python3 bench-compare/whole-process.py

It builds what it runs (release), writes bench-compare/out/whole-process.json, and prints the README's table.
"""
import json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'bench-compare', 'out')
ROUNDS = int(os.environ.get('ROUNDS', '9'))


def sh(args, **kw):
    subprocess.run(args, check=True, **kw)


def main():
    os.makedirs(OUT, exist_ok=True)
    sh(['cargo', 'build', '-q', '--release', '-p', 'mtasts-cli'], cwd=ROOT)
    sh(['cargo', 'build', '-q', '--release', '-p', 'mtasts-core', '--example', 'big_report'], cwd=ROOT)
    sh(['cargo', 'build', '-q', '--release', '--bins'], cwd=os.path.join(ROOT, 'bench-compare'))
    big = os.path.join(OUT, 'big.json')
    with open(big, 'wb') as f:
        sh([os.path.join(ROOT, 'target/release/examples/big_report')], stdout=f)
    sh(['gzip', '-kf', big])
    mtasts = os.path.join(ROOT, 'target/release/mtasts')
    bc = os.path.join(ROOT, 'bench-compare/target/release')
    cmds = {
        'mail-auth: parse + serialize as JSON': [os.path.join(bc, 'mailauth-json'), big],
        'mtasts-core: parse alone': [os.path.join(bc, 'parse-only'), big],
        'mtasts report (human)': [mtasts, 'report', '--lang', 'en', big],
        'mtasts report --format json': [mtasts, 'report', '--lang', 'en', '--format', 'json', big],
        'mtasts report .json.gz (human)': [mtasts, 'report', '--lang', 'en', big + '.gz'],
    }
    times = {k: [] for k in cmds}
    for _ in range(ROUNDS):
        for k, c in cmds.items():
            t = time.perf_counter()
            subprocess.run(c, check=True, stdout=subprocess.DEVNULL)
            times[k].append(time.perf_counter() - t)
    rss = {}
    for k, c in cmds.items():
        r = subprocess.run(['/usr/bin/time', '-f', '%M'] + c, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        rss[k] = int(r.stderr.decode().strip().splitlines()[-1])
    size = os.path.getsize(big)
    med = {k: statistics.median(v) for k, v in times.items()}
    res = {'input_bytes': size, 'rounds': ROUNDS, 'median_seconds': med, 'peak_rss_kb': rss,
           'ratios': {
               'mail_auth_over_human': med['mail-auth: parse + serialize as JSON'] / med['mtasts report (human)'],
               'human_over_parse_alone': med['mtasts report (human)'] / med['mtasts-core: parse alone'],
               'json_over_human': med['mtasts report --format json'] / med['mtasts report (human)'],
               'gz_over_plain': med['mtasts report .json.gz (human)'] / med['mtasts report (human)'],
               'human_peak_over_input': rss['mtasts report (human)'] * 1024 / size,
           }}
    with open(os.path.join(OUT, 'whole-process.json'), 'w') as f:
        json.dump(res, f, indent=2)
    print(f'| command ({size / 1e6:.1f} MB report, median of {ROUNDS}, one run) | time | peak memory |')
    print('|---|---|---|')
    for k in cmds:
        print(f'| {k} | {med[k]:.3f} s | {rss[k] / 1024:.0f} MB |')
    for k, v in res['ratios'].items():
        print(f'{k}: {v:.2f}')


if __name__ == '__main__':
    sys.exit(main())
