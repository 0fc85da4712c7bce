import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CONSOLE_DIST = join(REPO_ROOT, 'apps/console/dist');
/**
 * The README's screenshots are retaken with `UPDATE_SCREENSHOTS=1 npm test`; ordinary runs write them
 * to a temp folder, so running the suite leaves the work tree clean.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs/screenshots') : join(tmpdir(), 'ai-router-screenshots');

/** Debian's Chromium; CI installs it with apt. A browser is never downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Bounds every wait in a test, so a broken page fails in seconds instead of hanging the suite. */
export const STEP_TIMEOUT_MS = 15_000;

/** The root `npm test` builds the console first; a bare `vitest run` builds it here when missing. */
function ensureConsoleBuilt(): void {
  if (existsSync(join(CONSOLE_DIST, 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', 'apps/console'], { cwd: REPO_ROOT, stdio: 'inherit', timeout: 120_000 });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium); the browser tests never download one.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ConsoleHarness {
  app: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/** The real API in-process, serving the built console, and a headless Chromium. */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  ensureConsoleBuilt();
  const browser = await launchChromium();
  let app: TestApp;
  try {
    app = await startTestApp({ CONSOLE_DIR: CONSOLE_DIST });
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    app,
    browser,
    async close() {
      await Promise.allSettled([browser.close(), app.close()]);
    },
  };
}

/** A fresh browser profile (no stored tokens) with bounded waits. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return { context, page };
}

export async function signInThroughUi(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Sticky sidebar and top bar are drawn where the page was scrolled to; the full-page shot starts at the top.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens a page of the console from the sidebar and waits for its heading. */
export async function openFromSidebar(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}
