import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { DEV_JWT_SECRET } from '@parley/auth';
import { buildWebApp, launchChromium, SCREENSHOTS_DIR } from './support/browser';
import { startStack, type Stack } from './support/stack';
import { webPages, type WebPages } from './support/web-pages';

jest.setTimeout(180_000);

/** A photo of the wrong order, made here (a PNG with a drawing). */
const photo = () =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360"><rect width="480" height="360" fill="#f4e1c1"/>` +
        `<circle cx="240" cy="180" r="130" fill="#e0a040"/><circle cx="240" cy="180" r="112" fill="#d3452b"/>` +
        `<circle cx="200" cy="140" r="18" fill="#f7e7a1"/><circle cx="280" cy="150" r="18" fill="#f7e7a1"/><circle cx="230" cy="230" r="18" fill="#f7e7a1"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

/**
 * The web app in Debian's Chromium: a customer (on gateway A) and an agent (on gateway B), each in
 * their own browser context, as two people on two machines would be.
 */
describe('the web app in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  /** What the pages' consoles showed: nothing, for a clean run. */
  const consoleProblems: string[] = [];
  let pages: WebPages;

  beforeAll(async () => {
    buildWebApp();
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    pages = webPages(browser, consoleProblems);
    // The development secret, as under `npm start`: the sign-in page offers its picker.
    stack = await startStack({ label: 'web-app', gatewayEnv: { JWT_SECRET: DEV_JWT_SECRET } });
  });
  afterEach(() => expect(consoleProblems.splice(0)).toEqual([]));
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await stack?.stop();
  });

  const signIn = (url: string, role: string, name: string) => pages.signIn(url, role, name);
  const openChat = (page: Page, subject: string, text: string) => pages.openChat(page, subject, text);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });

  it('fails with the way to install Chromium when it is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('apt-get install -y --no-install-recommends chromium');
  });

  it('opens, accepts, exchanges text and a photo with typing and read ticks, keeps several chats with unread badges, transfers, and closes', async () => {
    // The customer opens a chat and sees their place in the queue.
    const customer = await signIn(`${stack.gatewayA}/customer`, 'customer', 'Cleo');
    await openChat(customer, 'My order is late', 'Where is my food?');
    await customer.getByText('You are number 1 in the queue').waitFor();
    await customer.locator('.message.mine', { hasText: 'Where is my food?' }).waitFor();
    await shot(customer, 'customer-waiting');

    // The agent sees it in the live queue and accepts it.
    const agent = await signIn(`${stack.gatewayB}/agent`, 'support', 'Ana');
    // Availability: away and back (auto-assignment is off in this stack, so nothing else changes).
    await agent.getByRole('button', { name: '● Available' }).click();
    await agent.getByRole('button', { name: '○ Away', pressed: false }).click();
    await agent.getByRole('button', { name: '● Available', pressed: true }).waitFor();
    await agent.getByRole('button', { name: 'Accept My order is late from Cleo' }).click();
    await agent.locator('.message.theirs', { hasText: 'Where is my food?' }).waitFor();
    await customer.getByText('Ana is helping you').waitFor();
    // The agent has read the customer's first message: its tick turns to read.
    await customer.locator('.message.mine', { hasText: 'Where is my food?' }).locator('[data-tick="read"]').waitFor();

    // Typing shows on the other side; Enter sends.
    const agentInput = agent.getByLabel('Message', { exact: true });
    await agentInput.pressSequentially('Sorry, let me check');
    await customer.getByText('Ana is typing…').waitFor();
    await agentInput.press('Enter');
    await customer.locator('.message.theirs', { hasText: 'Sorry, let me check' }).waitFor();
    await expect(customer.getByText('Ana is typing…').count()).resolves.toBe(0);
    await agent.locator('.message.mine', { hasText: 'Sorry, let me check' }).locator('[data-tick="read"]').waitFor();

    // The customer drops a photo on the chat, sees its preview, and sends it with a line of text.
    const png = (await photo()).toString('base64');
    const dataTransfer = await customer.evaluateHandle((data) => {
      // Runs in the page: DataTransfer and File are the browser's.
      const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (bits: unknown[], name: string, options: object) => unknown };
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new page.DataTransfer();
      transfer.items.add(new page.File([bytes], 'wrong-order.png', { type: 'image/png' }));
      return transfer;
    }, png);
    await customer.dispatchEvent('.conversation', 'dragover', { dataTransfer });
    await customer.dispatchEvent('.conversation', 'drop', { dataTransfer });
    await customer.getByAltText('Preview of wrong-order.png').waitFor();
    const customerInput = customer.getByLabel('Message', { exact: true });
    await customerInput.fill('This is what came instead');
    await customerInput.press('Enter');

    // The agent sees the photo (its thumbnail, downloaded with the agent's token) and the text.
    const received = agent.locator('.message.theirs', { hasText: 'This is what came instead' });
    const thumbnail = received.getByAltText('wrong-order.png');
    await thumbnail.waitFor();
    await expect(thumbnail.evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      })).resolves.toBe(true);
    await customer.locator('.message.mine', { hasText: 'This is what came instead' }).locator('[data-tick="read"]').waitFor();

    // Text is shown as text, never as HTML.
    await customerInput.fill('<b>bold</b> <img src=x onerror="document.title=1">');
    await customerInput.press('Enter');
    await agent.locator('.message.theirs .text', { hasText: '<b>bold</b> <img src=x onerror="document.title=1">' }).waitFor();
    await expect(agent.locator('.messages b').count()).resolves.toBe(0);
    await expect(agent.locator('.messages img[src="x"]').count()).resolves.toBe(0);

    await agentInput.fill('A new order is on its way, with a voucher.');
    await agentInput.press('Enter');
    await customer.locator('.message.theirs', { hasText: 'A new order is on its way' }).waitFor();
    await shot(customer, 'customer-chat');

    // A second chat at once: while the agent is in it, Cleo's new message shows as an unread badge.
    const sam = await signIn(`${stack.gatewayA}/customer`, 'customer', 'Sam');
    await openChat(sam, 'Wrong drink in my bag', 'I got a cola instead of water');
    await agent.getByRole('button', { name: 'Accept Wrong drink in my bag from Sam' }).click();
    await agent.locator('.message.theirs', { hasText: 'I got a cola instead of water' }).waitFor();
    await customerInput.fill('Thank you!');
    await customerInput.press('Enter');
    const cleoThread = agent.getByRole('button', { name: /My order is late/ });
    await cleoThread.getByLabel('1 unread').waitFor();
    // A third customer waits in the queue meanwhile.
    const max = await signIn(`${stack.gatewayA}/customer`, 'customer', 'Max');
    await openChat(max, 'Refund for a missing side', 'The fries were missing');
    await agent.getByRole('button', { name: 'Accept Refund for a missing side from Max' }).waitFor();
    await agentInput.fill('So sorry, Sam! A bottle of water is on its way.');
    await agentInput.press('Enter');
    await sam.locator('.message.theirs', { hasText: 'A bottle of water is on its way' }).waitFor();
    await shot(agent, 'agent-console');

    // Ana hands Sam's chat to Bo, another agent online on the other gateway.
    const bo = await signIn(`${stack.gatewayA}/agent`, 'support', 'Bo');
    await agent.getByRole('button', { name: 'Transfer…' }).click();
    await agent.getByLabel('Transfer to').selectOption({ label: 'Bo' });
    await agent.getByRole('button', { name: 'Transfer', exact: true }).click();
    await agent.getByText('now with Bo').waitFor();
    await sam.getByText('Bo is helping you').waitFor();
    await bo.getByRole('button', { name: /Wrong drink in my bag/ }).click();
    await bo.locator('.message.theirs', { hasText: 'I got a cola instead of water' }).waitFor();

    // Back in Cleo's chat the badge is gone and Cleo's message is read.
    await cleoThread.click();
    await cleoThread.getByLabel('1 unread').waitFor({ state: 'hidden' });
    await customer.locator('.message.mine', { hasText: 'Thank you!' }).locator('[data-tick="read"]').waitFor();

    // The agent resolves, then closes; the customer sees the chat closed and can write no more.
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await agent.getByRole('button', { name: 'Close chat' }).click();
    await agent.locator('.state.closed').waitFor();
    await customer.getByText('This chat is closed.').waitFor();
    await customerInput.and(customer.locator(':disabled')).waitFor();
    await customer.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await shot(customer, 'customer-closed');
  });
});
