import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEV_JWT_SECRET } from '@parley/auth';
import { buildWebApp, launchChromium } from './browser';
import { watchConsole } from './console-watch';
import { startStack, type Stack } from './stack';

export interface WebPages {
  /** A new person in a browser context of their own, signed in through the development picker. */
  signIn(url: string, role: string, name: string, setUp?: (context: BrowserContext) => Promise<void>): Promise<Page>;
  /** The customer widget's new-chat form, filled and sent; resolves once the chat shows. */
  openChat(page: Page, subject: string, text: string): Promise<void>;
  closeAll(): Promise<void>;
}

/**
 * People using the web app in Debian's Chromium, each in their own context (as on their own
 * machines); what their consoles show as a problem (errors, warnings, failed requests, 4xx/5xx)
 * goes to `consoleProblems`, for a test to require a clean console.
 */
export function webPages(browser: Browser, consoleProblems: string[] = []): WebPages {
  const contexts: BrowserContext[] = [];
  return {
    async signIn(url, role, name, setUp) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
      contexts.push(context);
      await setUp?.(context);
      const page = await context.newPage();
      watchConsole(page, name, consoleProblems);
      await page.goto(url);
      await page.getByLabel('Role').selectOption(role);
      await page.getByLabel('Name').fill(name);
      await page.getByRole('button', { name: `Sign in as ${name}` }).click();
      await page.getByText(name, { exact: true }).first().waitFor();
      return page;
    },
    async openChat(page, subject, text) {
      await page.getByLabel('Subject').fill(subject);
      await page.getByLabel('Category').selectOption('delivery');
      await page.getByLabel('Message', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Start chat' }).click();
      await page.getByRole('heading', { name: subject }).waitFor();
    },
    async closeAll() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    },
  };
}

/**
 * The web app built from the current sources, Debian's Chromium and the real stack, its gateways
 * on the development secret as under `npm start` (so the sign-in page offers its picker).
 */
export async function startWebStack(label: string): Promise<{ stack: Stack; browser: Browser; pages: WebPages; stop(): Promise<void> }> {
  buildWebApp();
  const browser = await launchChromium();
  const pages = webPages(browser);
  const stack = await startStack({ label, gatewayEnv: { JWT_SECRET: DEV_JWT_SECRET } });
  return {
    stack,
    browser,
    pages,
    async stop() {
      await pages.closeAll();
      await browser.close();
      await stack.stop();
    },
  };
}
