import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { testSettings } from '@parley/config';
import { REPO_ROOT } from '@parley/testing';
import { ARTIFACTS_DIR } from './stack';

export const CHROMIUM = testSettings().CHROMIUM_PATH;
/** Where browser tests save their screenshots (gitignored). */
export const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, 'screenshots');


/**
 * Builds the web app from the sources as they are now (about a second with Vite): the bundle also
 * holds @parley/client and @parley/contracts, so a build older than any of them would test old code.
 */
export function buildWebApp(): void {
  execFileSync('npm', ['run', '-s', 'build:web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** Debian's Chromium, headless, with a fresh profile that playwright makes and removes. */
export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium is missing at ${executablePath}: install it with \`apt-get install -y --no-install-recommends chromium\` (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
