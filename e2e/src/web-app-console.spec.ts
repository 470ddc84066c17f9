import type { Browser, Page } from 'playwright-core';
import { TEST_JWT_SECRET, testUser } from '@parley/testing';
import { buildWebApp, launchChromium } from './support/browser';
import { watchConsole } from './support/console-watch';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/**
 * The web app behind gateways with a real JWT_SECRET, as in production: no development sign-in is
 * offered, none is asked for, and the browser console stays clean from the first page to a reply.
 */
describe('the web app with a real JWT_SECRET', () => {
  let stack: Stack;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebApp();
    browser = await launchChromium();
    stack = await startStack({ label: 'web-console', gatewayEnv: { JWT_SECRET: TEST_JWT_SECRET } });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signInWithToken(url: string, name: string, role: 'customer' | 'support'): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    watchConsole(page, name, problems);
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in with this token' }).waitFor();
    await page.getByLabel('Token (a JWT from your platform, or npm run token)').fill(testUser(role, name, TEST_JWT_SECRET).token);
    await page.getByRole('button', { name: 'Sign in with this token' }).click();
    await page.getByText(name, { exact: true }).first().waitFor();
    return page;
  }

  it('offers only the token sign-in, and a chat from the first page to a reply logs no error', async () => {
    const customer = await signInWithToken(`${stack.gatewayA}/customer`, 'Cleo', 'customer');
    await expect(customer.getByRole('form', { name: 'Development sign-in' }).count()).resolves.toBe(0);
    await customer.getByLabel('Subject').fill('Cold soup');
    await customer.getByLabel('Category').selectOption('delivery');
    await customer.getByLabel('Message', { exact: true }).fill('My soup arrived cold');
    await customer.getByRole('button', { name: 'Start chat' }).click();
    await customer.getByText('You are number 1 in the queue').waitFor();

    const agent = await signInWithToken(`${stack.gatewayB}/agent`, 'Ana', 'support');
    await agent.getByRole('button', { name: 'Accept Cold soup from Cleo' }).click();
    await agent.getByLabel('Message', { exact: true }).fill('Sorry! A new one is on its way.');
    await agent.getByLabel('Message', { exact: true }).press('Enter');
    await customer.locator('.message.theirs', { hasText: 'A new one is on its way' }).waitFor();
    await customer.reload();
    await customer.locator('.message.theirs', { hasText: 'A new one is on its way' }).waitFor();

    expect(problems).toEqual([]);
  });
});
