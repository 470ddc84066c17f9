import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ARTIFACTS_DIR, REPO_ROOT } from './stack';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where browser tests save their screenshots (gitignored). */
export const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, 'screenshots');

const WEB_DIR = path.join(REPO_ROOT, 'services', 'web');

/** Newest modification time under a folder. */
function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }, 0);
}

/** Builds the web app when it has no build, or one older than its sources (a fresh clone, an edit). */
export function ensureWebAppBuilt(): void {
  const index = path.join(WEB_DIR, 'dist', 'index.html');
  const sourcesChanged = () => Math.max(newest(path.join(WEB_DIR, 'src')), fs.statSync(path.join(WEB_DIR, 'index.html')).mtimeMs) > fs.statSync(index).mtimeMs;
  if (fs.existsSync(index) && !sourcesChanged()) return;
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
