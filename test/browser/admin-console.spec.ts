import type { ProviderAccountView } from '@ai-router/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_EMAIL } from '../../apps/api/test/support/test-app';
import { AdminClient } from '../../apps/api/test/support/admin-client';
import { newPage, openFromSidebar, screenshot, signInThroughUi, startConsoleHarness, type ConsoleHarness } from './support/console-app';

/**
 * An admin builds a working route through the console alone: provider + key, model + deployment, API
 * key, a streamed playground chat, and the request showing up in the provider key's stats.
 */
describe('console as an admin', () => {
  let h: ConsoleHarness;
  let mockBaseUrl: string;

  beforeAll(async () => {
    h = await startConsoleHarness();
    // The demo org's built-in mock provider: its address changes with every start, so ask the API.
    const admin = new AdminClient(h.app.url, await h.app.ownerToken());
    const accounts = await admin.call<ProviderAccountView[]>('GET', `/api/orgs/${h.app.credentials.demoOrgId}/provider-accounts`);
    mockBaseUrl = accounts.find((a) => a.name === 'demo-openai')!.baseUrl;
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('adds a provider and a model, creates a key, streams a playground chat and sees it in the key stats', async () => {
    const { context, page } = await newPage(h.browser);
    try {
      await signInThroughUi(page, h.app.url, OWNER_EMAIL, h.app.ownerPassword);

      // Provider account with its first key, then a second key for the pool.
      await openFromSidebar(page, 'Providers');
      await page.getByRole('button', { name: 'Add provider' }).click();
      let dialog = page.getByRole('dialog', { name: 'Add provider' });
      await dialog.getByLabel('Name', { exact: true }).fill('browser-mock');
      await dialog.getByLabel('Kind').selectOption('openai');
      await dialog.getByLabel('Base URL (optional)').fill(mockBaseUrl);
      await dialog.getByLabel('API key').fill('sk-browser-test-0001');
      await dialog.getByRole('button', { name: 'Add provider' }).click();
      const card = page.locator('[data-provider="browser-mock"]');
      await card.waitFor();
      await dialog.waitFor({ state: 'detached' });

      await card.getByRole('button', { name: 'Add key' }).click();
      dialog = page.getByRole('dialog', { name: 'Add key to browser-mock' });
      await dialog.getByLabel('Label').fill('backup');
      await dialog.getByLabel('API key').fill('sk-browser-test-0002');
      await dialog.getByRole('button', { name: 'Add key' }).click();
      await card.locator('[data-provider-key="backup"]').waitFor();
      expect(await card.locator('[data-provider-key]').count()).toBe(2);
      // Provider keys are never shown after entry: only the last 4 characters.
      expect(await page.content()).not.toContain('sk-browser-test-0002');

      // A model with a first deployment on that provider.
      await openFromSidebar(page, 'Models');
      await page.getByRole('button', { name: 'New model' }).click();
      dialog = page.getByRole('dialog', { name: 'New model' });
      await dialog.getByLabel('Public name').fill('browser-chat');
      await dialog.getByLabel('Provider', { exact: true }).selectOption({ label: 'browser-mock' });
      await dialog.getByLabel('Upstream model').fill('mock-gpt-4o-mini');
      await dialog.getByRole('button', { name: 'Create model' }).click();
      const model = page.locator('[data-model="browser-chat"]');
      await model.getByRole('cell', { name: 'browser-mock' }).waitFor();

      // An API key limited to that model; the secret is shown once.
      await openFromSidebar(page, 'API keys');
      await page.getByRole('button', { name: 'Create API key' }).click();
      dialog = page.getByRole('dialog', { name: 'Create API key' });
      await dialog.getByLabel('Name', { exact: true }).fill('browser-key');
      await dialog.getByLabel('Only these').check();
      await dialog.getByLabel('browser-chat').check();
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const secretDialog = page.getByRole('dialog', { name: 'API key created' });
      const secret = (await secretDialog.getByTestId('secret-value').textContent())!.trim();
      expect(secret).toMatch(/^air-/);
      await secretDialog.getByRole('button', { name: "I've saved it" }).click();
      await secretDialog.waitFor({ state: 'detached' });
      const row = page.locator('[data-key-name="browser-key"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('browser-chat');
      expect(await page.content()).not.toContain(secret);
      await screenshot(page, 'api-keys');

      // The playground streams a reply through the gateway with that key.
      await openFromSidebar(page, 'Playground');
      const sent: { body: string | null; type: string | null }[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('/v1/chat/completions')) sent.push({ body: response.request().postData(), type: response.headers()['content-type'] ?? null });
      });
      await page.getByLabel('Model', { exact: true }).selectOption('browser-chat');
      await page.getByLabel('API key').fill(secret);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await page.getByLabel('Message').fill('Hello from the browser test');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.getByTestId('chat-provider').textContent(), { timeout: 15_000 }).toBe('browser-mock');
      expect((await page.getByTestId('assistant-text').textContent())!.length).toBeGreaterThan(0);
      expect(await page.getByTestId('chat-usage').textContent()).toMatch(/\d+ in · \d+ out · \d+ total/);
      expect(await page.getByTestId('chat-strategy').textContent()).not.toBe('—');
      expect(JSON.parse(sent[0]!.body!)).toMatchObject({ model: 'browser-chat', stream: true, stream_options: { include_usage: true } });
      expect(sent[0]!.type).toMatch(/text\/event-stream/);

      // The request shows up in the provider keys' stats.
      await openFromSidebar(page, 'Providers');
      // A string, not a function: the test file is transpiled, and helpers it would inject do not exist in the page.
      await page.waitForFunction(`Array.from(document.querySelectorAll('[data-provider="browser-mock"] [data-stat="requests"]'))
        .reduce((n, cell) => n + Number(cell.textContent.replace(/\\D/g, '') || 0), 0) >= 1`);
      await screenshot(page, 'providers');

      await openFromSidebar(page, 'Dashboard');
      await page.locator('[data-stat="Models"]').waitFor();
      await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
      await page.locator('.activity-list li').first().waitFor();
      await screenshot(page, 'dashboard');
    } finally {
      await context.close();
    }
  }, 120_000);
});
