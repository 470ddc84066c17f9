import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from './support/browser';
import type { Stack } from './support/stack';
import { startWebStack, type WebPages } from './support/web-pages';

jest.setTimeout(180_000);

/** Private notes in Debian's Chromium against the real stack: the console's switch, the widget that never shows one. */
describe('private notes in the web app', () => {
  let stack: Stack;
  let pages: WebPages;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    ({ stack, pages, stop } = await startWebStack('web-private-notes'));
  });
  afterAll(() => stop());

  const typingShown = (page: Page) => page.locator('.typing').textContent();

  it('writes a note with the console switch, shown apart to the agent, never to the customer, with no typing shown', async () => {
    const cleo = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Cleo');
    await pages.openChat(cleo, 'Wrong pizza', 'I got a pizza with ham');
    const ana = await pages.signIn(`${stack.gatewayB}/agent`, 'support', 'Ana');
    await ana.getByRole('button', { name: 'Accept Wrong pizza from Cleo' }).click();
    const input = ana.getByLabel('Message', { exact: true });

    await ana.getByLabel('Private note').check();
    await input.pressSequentially('Second wrong order this week, flag the shop');
    // Typing a note sends no typing: the customer sees nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(typingShown(cleo)).resolves.toBe('');
    await ana.getByRole('button', { name: 'Add note' }).click();
    const note = ana.locator('.message.note', { hasText: 'Second wrong order this week, flag the shop' });
    await note.waitFor();
    await expect(note.locator('.note-label').textContent()).resolves.toBe('Private note');
    await ana.screenshot({ path: path.join(SCREENSHOTS_DIR, 'agent-private-note.png') });

    // Back to replies: typing shows again, and the reply reaches the customer; the note never does.
    await ana.getByLabel('Private note').uncheck();
    await input.pressSequentially('Sorry, a new pizza is on its way');
    await cleo.getByText('Ana is typing…').waitFor();
    await input.press('Enter');
    await cleo.locator('.message.theirs', { hasText: 'Sorry, a new pizza is on its way' }).waitFor();
    await expect(cleo.getByText('flag the shop').count()).resolves.toBe(0);
    await expect(cleo.locator('.message.note').count()).resolves.toBe(0);
    // A reload reads the history afresh: still no note.
    await cleo.reload();
    await cleo.locator('.message.theirs', { hasText: 'Sorry, a new pizza is on its way' }).waitFor();
    await expect(cleo.getByText('flag the shop').count()).resolves.toBe(0);
  });
});
