// Launching Debian's Chromium through playwright-core with the flags this offline machine needs.
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Resolves once the report viewer has read every file it was given (its progress row says it is not busy). */
export function filesRead(page, timeout = 30_000) {
  return page.waitForFunction(() => document.querySelector('#report-progress')?.dataset.busy === 'false', null, { timeout });
}
