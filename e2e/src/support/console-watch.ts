import type { Page } from 'playwright-core';

/**
 * What a page shows in its browser console that a user would call an error: console errors and
 * warnings (Chromium logs every failed request there too), uncaught exceptions, and requests that
 * failed or were answered 4xx/5xx. `problems` fills as the page runs.
 */
export function watchConsole(page: Page, who: string, problems: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${who}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${who}: uncaught ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`${who}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${who}: ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return problems;
}
