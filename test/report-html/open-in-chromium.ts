// Opens a page in Debian's Chromium (apt-get install -y chromium) through playwright-core, with
// JavaScript off, and collects console errors and every request that is not a local file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface OpenedPage extends AsyncDisposable {
  page: Page;
  consoleErrors: string[];
  outsideRequests: string[];
}

export async function openInChromium(url: string): Promise<OpenedPage> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the HTML report is checked in Chromium, and ${CHROMIUM} does not exist: install Debian's package (apt-get install -y chromium)`,
    );
  const profile = await mkdtemp(join(tmpdir(), 'cdtn-drill-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors: string[] = [];
    const outsideRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outsideRequests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return {
      page,
      consoleErrors,
      outsideRequests,
      [Symbol.asyncDispose]: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
