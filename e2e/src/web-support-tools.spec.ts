import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from './support/browser';
import type { Stack } from './support/stack';
import { startWebStack, type WebPages } from './support/web-pages';

jest.setTimeout(180_000);

/**
 * Records what the console does to get attention, in the page: each Notification made (the real
 * one is made too), each note the chime plays, and lets the test put the tab out of view.
 */
const ATTENTION_RECORDER = `
  window.__notifications = [];
  const RealNotification = window.Notification;
  class RecordedNotification extends RealNotification {
    constructor(title, options) {
      window.__notifications.push({ title, body: options && options.body });
      super(title, options);
    }
  }
  Object.defineProperty(RecordedNotification, 'permission', { get: () => RealNotification.permission });
  RecordedNotification.requestPermission = (...args) => RealNotification.requestPermission(...args);
  window.Notification = RecordedNotification;
  window.__notes = 0;
  const RealAudioContext = window.AudioContext;
  window.AudioContext = class extends RealAudioContext {
    createOscillator() { window.__notes += 1; return super.createOscillator(); }
  };
  let hidden = false;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  window.__setHidden = (value) => { hidden = value; document.dispatchEvent(new Event('visibilitychange')); };
`;

type Recorded = { title: string; body: string };
const notifications = (page: Page) => page.evaluate(() => (globalThis as unknown as { __notifications: Recorded[] }).__notifications);
const notes = (page: Page) => page.evaluate(() => (globalThis as unknown as { __notes: number }).__notes);
const setHidden = (page: Page, hidden: boolean) => page.evaluate((value) => (globalThis as unknown as { __setHidden(v: boolean): void }).__setHidden(value), hidden);

/**
 * What a support team uses beside the chat, in Debian's Chromium against the real stack: canned
 * responses in the composer, the customer's rating, search that opens a chat at its message, the
 * admins' live supervisor page, and the console's notifications, sound and title. The tests follow
 * one another as a team's day does: the supervisor sees the chats and the rating of the first.
 */
describe('support tools in the web app', () => {
  let stack: Stack;
  let pages: WebPages;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    ({ stack, pages, stop } = await startWebStack('web-support-tools'));
  });
  afterAll(() => stop());

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
  const agentOn = (page: Page) => ({
    tab: (name: string) => page.getByRole('tab', { name }).click(),
    input: page.getByLabel('Message', { exact: true }),
  });

  it('inserts a canned response with "/", takes the rating when the chat ends, and opens a search hit at its message', async () => {
    // An admin shares a response with the team.
    const root = await pages.signIn(`${stack.gatewayB}/agent`, 'admin', 'Root');
    await agentOn(root).tab('Canned responses');
    await root.getByLabel('Shortcut').fill('voucher');
    await root.getByLabel('Title').fill('Voucher on its way');
    await root.getByLabel('Text').fill('Hi {{customer_name}}, {{agent_name}} here: a voucher is on its way.');
    await root.getByLabel('Share with the team').check();
    await root.getByRole('button', { name: 'Add response' }).click();
    await root.getByRole('cell', { name: '/voucher', exact: true }).waitFor();

    // A customer writes; an agent answers with the response: "/vou", Enter inserts it filled in, Enter sends.
    const cleo = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Cleo');
    await pages.openChat(cleo, 'Cold burger', 'My burger arrived cold');
    const ana = await pages.signIn(`${stack.gatewayB}/agent`, 'support', 'Ana');
    await ana.getByRole('button', { name: 'Accept Cold burger from Cleo' }).click();
    const input = agentOn(ana).input;
    await input.pressSequentially('/vou');
    await ana.getByRole('option', { name: /\/voucher Voucher on its way/ }).waitFor();
    await shot(ana, 'agent-canned-response');
    await input.press('Enter');
    await ana.waitForFunction(
      (text) => (globalThis as unknown as { document: { activeElement: { value?: string } | null } }).document.activeElement?.value === text,
      'Hi Cleo, Ana here: a voucher is on its way.',
    );
    await input.press('Enter');
    await cleo.locator('.message.theirs', { hasText: 'Hi Cleo, Ana here: a voucher is on its way.' }).waitFor();
    // Escape keeps what was typed.
    await input.pressSequentially('/vou');
    await input.press('Escape');
    await ana.getByRole('listbox', { name: 'Canned responses' }).waitFor({ state: 'hidden' });
    await expect(input.inputValue()).resolves.toBe('/vou');
    await input.fill('');

    // The chat ends: the widget asks for a rating once; the agent sees it arrive.
    await ana.getByRole('button', { name: 'Resolve' }).click();
    await cleo.getByText('How did we do?').waitFor();
    await cleo.getByLabel('4 stars').check({ force: true });
    await cleo.getByLabel('Anything to add? (optional)').fill('Warm thanks');
    await shot(cleo, 'customer-rating');
    await cleo.getByRole('button', { name: 'Send rating' }).click();
    await cleo.getByText('You rated this chat').waitFor();
    await cleo.getByText('How did we do?').waitFor({ state: 'hidden' });
    await ana.locator('.rating[data-score="4"]', { hasText: 'Cleo rated this chat' }).waitFor();
    await ana.getByText('Warm thanks').waitFor();

    // Another customer's chat waits; Ana finds its message and opens the chat right there.
    const dan = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Dan');
    await pages.openChat(dan, 'Missing fries', 'The fries are missing from my order');
    await agentOn(ana).tab('Search');
    await ana.getByRole('searchbox', { name: 'Search messages' }).fill('fries miss');
    await ana.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = ana.getByRole('button', { name: /Open Missing fries at Dan's message/ });
    await hit.waitFor();
    await expect(hit.locator('mark').allTextContents()).resolves.toEqual(['fries', 'missing']);
    await hit.click();
    await ana.locator('.message.found[aria-current="true"]', { hasText: 'The fries are missing from my order' }).waitFor();
    await ana.getByRole('heading', { name: 'Missing fries' }).waitFor();

    // The agent's own words are found too, in the chat they came from.
    await agentOn(ana).tab('Search');
    await ana.getByRole('searchbox', { name: 'Search messages' }).fill('voucher');
    await ana.getByRole('button', { name: 'Search', exact: true }).click();
    await ana.getByRole('button', { name: /Open Cold burger at Ana's message/ }).waitFor();
  });

  it("shows admins the queue, the agents and the day, live, with the day's chart", async () => {
    const root = await pages.signIn(`${stack.gatewayB}/agent`, 'admin', 'Boss');
    await agentOn(root).tab('Supervisor');
    const live = root.getByLabel('Live figures');
    await live.getByText('waiting').waitFor();
    const waiting = async () => Number(await live.locator('.figure', { hasText: 'waiting' }).locator('.value').textContent());
    const before = await waiting();
    const eve = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Eve');
    await pages.openChat(eve, 'Wrong address', 'The courier went to the wrong street');
    await root.waitForFunction((n) => {
      const value = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('[aria-label="Live figures"] .figure .value');
      return Number(value?.textContent) === n;
    }, before + 1);
    await root.getByRole('table', { name: 'Agents now' }).getByRole('cell', { name: 'Ana' }).waitFor();
    const today = root.getByLabel("Today's figures");
    await today.getByText('opened').waitFor();
    await today.getByText('4.0 ★').waitFor();
    await root.getByRole('img', { name: /Chats opened and average wait, hour by hour/ }).waitFor();
    await root.getByRole('table', { name: 'Agents today' }).getByRole('cell', { name: 'Ana' }).waitFor();
    await shot(root, 'supervisor');
  });

  it('notifies a new chat and a new message with a chime while the tab is out of view, counts unread in the title, and can be switched off', async () => {
    const grant = async (context: BrowserContext) => {
      await context.grantPermissions(['notifications'], { origin: stack.gatewayB });
      await context.addInitScript({ content: ATTENTION_RECORDER });
    };
    const nia = await pages.signIn(`${stack.gatewayB}/agent`, 'support', 'Nia', grant);
    const finn = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Finn');

    // In view: a new chat shows in the queue, nothing else.
    await pages.openChat(finn, 'Soggy pizza', 'The pizza is soggy');
    await nia.getByRole('button', { name: 'Accept Soggy pizza from Finn' }).waitFor();
    await expect(notifications(nia)).resolves.toEqual([]);

    // Out of view: a new chat and a message each notify, with a chime, and the title counts unread.
    await nia.getByRole('button', { name: 'Accept Soggy pizza from Finn' }).click();
    await nia.locator('.message.theirs', { hasText: 'The pizza is soggy' }).waitFor();
    await setHidden(nia, true);
    const gus = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Gus');
    await pages.openChat(gus, 'No cutlery', 'There was no cutlery in the bag');
    await nia.waitForFunction(() => (globalThis as unknown as { __notifications: unknown[] }).__notifications.length === 1);
    await expect(notifications(nia)).resolves.toEqual([{ title: 'New chat in the queue', body: 'Gus: No cutlery' }]);
    expect(await notes(nia)).toBeGreaterThan(0);
    const finnInput = finn.getByLabel('Message', { exact: true });
    await finnInput.fill('Are you still there?');
    await finnInput.press('Enter');
    await nia.waitForFunction(() => (globalThis as unknown as { __notifications: unknown[] }).__notifications.length === 2);
    await expect(notifications(nia)).resolves.toContainEqual({ title: 'Finn wrote', body: 'Are you still there?' });
    // The title follows on the next render, a moment after the notification.
    await nia.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title === '(1) Agent console · Parley');
    await setHidden(nia, false);
    await nia.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title === 'Agent console · Parley');

    // Switched off, new chats no longer notify.
    await nia.getByText('Alerts').click();
    await nia.getByLabel('New chats in the queue').uncheck();
    await setHidden(nia, true);
    const hal = await pages.signIn(`${stack.gatewayA}/customer`, 'customer', 'Hal');
    await pages.openChat(hal, 'Late again', 'Still waiting for my order');
    await nia.getByRole('button', { name: 'Accept Late again from Hal' }).waitFor();
    await expect(notifications(nia)).resolves.toHaveLength(2);
  });
});
