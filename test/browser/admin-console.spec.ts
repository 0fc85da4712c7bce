import type { ModelView, ProviderAccountView } from '@ai-router/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_EMAIL } from '../../apps/api/test/support/test-app';
import { AdminClient } from '../../apps/api/test/support/admin-client';
import { newPage, openFromSidebar, screenshot, signInThroughUi, startConsoleHarness, type ConsoleHarness } from './support/console-app';

/**
 * An admin builds a working route through the console alone: provider + key, model + deployment, API
 * key, billing switched on and topped up, a streamed playground chat, and that request showing up in
 * the provider key's stats, the request log (with its routing explanation), usage, the balance and
 * the month's invoice.
 */
describe('console as an admin', () => {
  let h: ConsoleHarness;
  let mockBaseUrl: string;
  let admin: AdminClient;
  let orgId: string;

  beforeAll(async () => {
    h = await startConsoleHarness();
    // The demo org's built-in mock provider: its address changes with every start, so ask the API.
    admin = new AdminClient(h.app.url, await h.app.ownerToken());
    orgId = h.app.credentials.demoOrgId!;
    const accounts = await admin.call<ProviderAccountView[]>('GET', `/api/orgs/${orgId}/provider-accounts`);
    mockBaseUrl = accounts.find((a) => a.name === 'demo-openai')!.baseUrl;
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('adds a provider and a model, creates a key, tops up, streams a playground chat and finds it in stats, request logs, usage and billing', async () => {
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

      // Billing on, with a price for the model (set over the API: there is no price editor yet) and a top-up.
      const models = await admin.call<ModelView[]>('GET', `/api/orgs/${orgId}/models`);
      await admin.call('POST', `/api/orgs/${orgId}/models/${models.find((m) => m.name === 'browser-chat')!.id}/prices`, { inputPerMillion: '3', outputPerMillion: '15' });
      await openFromSidebar(page, 'Billing');
      await page.getByRole('button', { name: 'Billing settings' }).click();
      dialog = page.getByRole('dialog', { name: 'Billing settings' });
      await dialog.getByLabel("Charge this organisation's requests against its prepaid balance").check();
      await dialog.getByRole('button', { name: 'Save settings' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Prepaid billing on').waitFor();
      await page.getByRole('button', { name: 'Top up' }).click();
      dialog = page.getByRole('dialog', { name: 'Top up balance' });
      await dialog.getByLabel('Amount (USD)').fill('5');
      await dialog.getByRole('button', { name: 'Add funds' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('billing-balance').textContent()).toBe('$5.00');
      await page.locator('[data-ledger-type="topup"]').waitFor();

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

      // The request log lists it; its details explain the routing.
      await openFromSidebar(page, 'Request logs');
      const logged = page.locator('[data-request-model="browser-chat"]');
      await logged.waitFor();
      await logged.getByRole('button', { name: 'Details' }).click();
      const drawer = page.getByRole('dialog', { name: 'Request details' });
      await expect.poll(() => drawer.getByTestId('request-provider').textContent()).toBe('browser-mock');
      expect(await drawer.getByTestId('routing-explanation').locator('li').count()).toBeGreaterThan(0);
      expect(await drawer.getByTestId('request-cost').textContent()).toMatch(/^\$0\.\d*[1-9]/);
      // The demo org does not log bodies: the drawer says so instead of failing.
      await drawer.getByText('No body was stored').waitFor();
      await screenshot(page, 'request-logs');
      await drawer.getByRole('button', { name: 'Close' }).click();
      await drawer.waitFor({ state: 'detached' });

      // Usage counts it, by model too.
      await openFromSidebar(page, 'Usage');
      await expect.poll(async () => Number((await page.locator('[data-metric="Requests"]').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
      await page.locator('[data-usage-group="browser-chat"]').waitFor();
      await screenshot(page, 'usage');

      // Billing: the charge came off the balance; the month's invoice downloads as a PDF.
      await admin.call('POST', `/api/orgs/${orgId}/invoices/close`, { periodStart: new Date().toISOString().slice(0, 7) });
      await openFromSidebar(page, 'Billing');
      await page.locator('[data-ledger-type="charge"]').waitFor();
      expect(await page.getByTestId('billing-balance').textContent()).toMatch(/^\$4\.9/);
      const invoice = page.locator('[data-invoice]').first();
      await invoice.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), invoice.getByRole('button', { name: /^PDF/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await screenshot(page, 'billing');

      // A channel made in the console; its test message shows in the delivery log.
      await openFromSidebar(page, 'Notifications');
      await page.getByRole('button', { name: 'New channel' }).first().click();
      dialog = page.getByRole('dialog', { name: 'New channel' });
      await dialog.getByLabel('Name', { exact: true }).fill('console-inbox');
      await dialog.getByLabel('Kind').selectOption('in_app');
      await dialog.getByRole('button', { name: 'Create channel' }).click();
      await dialog.waitFor({ state: 'detached' });
      const channel = page.locator('[data-channel="console-inbox"]');
      await channel.getByRole('button', { name: 'Send test' }).click();
      await page.locator('[data-delivery-status="delivered"]').waitFor();
      // The invoice closed above was announced in the header's inbox; opening it fetches the latest.
      await page.getByRole('button', { name: /^Notifications/ }).click();
      const inbox = page.getByRole('region', { name: 'Notifications' });
      await inbox.locator('.bell-item-unread', { hasText: /Invoice INV-\d{4}-\d+ issued/ }).waitFor();
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
      await screenshot(page, 'notifications');
      await inbox.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

      await openFromSidebar(page, 'Dashboard');
      await page.locator('[data-stat="Models"]').waitFor();
      await expect.poll(async () => Number((await page.locator('[data-metric="Requests"]').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
      await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
      await page.locator('.activity-list li').first().waitFor();
      await screenshot(page, 'dashboard');
    } finally {
      await context.close();
    }
  }, 120_000);
});
