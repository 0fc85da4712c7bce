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

      // A price for the model from the Models page (the platform owner's), then billing on and a top-up.
      await openFromSidebar(page, 'Models');
      const price = page.locator('[data-model-price="browser-chat"]');
      await price.getByText('No price set: its requests cost nothing.').waitFor();
      await price.getByRole('button', { name: 'Set price of browser-chat' }).click();
      dialog = page.getByRole('dialog', { name: 'Price of browser-chat' });
      await dialog.getByLabel('Input (per 1M tokens)', { exact: true }).fill('3');
      await dialog.getByLabel('Output (per 1M tokens)', { exact: true }).fill('15');
      await dialog.getByRole('button', { name: 'Save price' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await price.getByTestId('model-price').textContent()).toBe('$3.00 in · $15.00 out per 1M tokens');
      const models = await admin.call<ModelView[]>('GET', `/api/orgs/${orgId}/models`);
      const prices = await admin.call<{ inputPerMillion: string }[]>('GET', `/api/orgs/${orgId}/models/${models.find((m) => m.name === 'browser-chat')!.id}/prices`);
      expect(prices.map((p) => p.inputPerMillion)).toEqual(['3.000000000']);
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
      // Once its usage row lands, the reply's charge and route are shown beside it.
      await expect.poll(() => page.getByTestId('chat-cost').textContent(), { timeout: 15_000 }).toMatch(/^\$0\.\d*[1-9]/);
      expect(await page.getByTestId('chat-route').textContent()).toContain('browser-mock');

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
      // The chat's model leads the top models; the balance card shows what is left and an org spend budget.
      await page.getByTestId('top-models').locator('[data-top-group="browser-chat"]').waitFor();
      const budgets = page.getByTestId('balance-budgets');
      expect(await budgets.getByTestId('dashboard-balance').textContent()).toMatch(/^\$4\.9/);
      await budgets.getByText('No spend budgets').waitFor();
      const budget = await admin.call<{ id: string }>('POST', `/api/orgs/${orgId}/quotas`, { name: 'Org monthly spend', scope: 'org', metric: 'cost', period: 'month', limit: '10.00', thresholds: [80], hard: false });
      await page.reload();
      const budgetRow = budgets.locator('[data-budget="Org monthly spend"]');
      await budgetRow.getByRole('progressbar', { name: 'Usage of Org monthly spend' }).waitFor();
      expect(await budgetRow.textContent()).toMatch(/of \$10\.00 per month · \d+% · resets/);
      expect(await budgetRow.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-01T00:00:00/);
      await admin.call('DELETE', `/api/orgs/${orgId}/quotas/${budget.id}`);
      await screenshot(page, 'dashboard');

      // The chat shows up in the SLA figures of the provider, its deployment and the model.
      await openFromSidebar(page, 'SLA');
      const provider = page.locator('[data-sla-subject="provider:browser-mock"]');
      // Usage rows are written in batches: reload until the chat's row has landed.
      await expect
        .poll(async () => {
          if (await provider.count()) return true;
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'SLA' }).waitFor();
          return provider.count().then((n) => n > 0);
        }, { timeout: 15_000, interval: 500 })
        .toBe(true);
      expect(await provider.locator('[data-stat="requests"]').textContent()).toMatch(/^1\b/);
      expect(await provider.locator('[data-stat="success-rate"]').textContent()).toBe('100%');
      expect(await provider.locator('[data-stat="latency"]').textContent()).toMatch(/^\d+ \/ \d+ \/ \d+ ms$/);
      expect(await provider.locator('[data-stat="ttft"]').textContent()).toMatch(/^\d+ \/ \d+ \/ \d+ ms$/);
      await page.locator('[data-sla-subject="model:browser-chat"]').waitFor();
      await page.locator('[data-figure="Availability"]').getByText('100%').waitFor();
      await page.getByRole('button', { name: '7 days' }).click();
      await expect.poll(() => page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
      await provider.waitFor();
      await page.getByRole('button', { name: '24 hours' }).click();
      await page.getByText('No daily reports yet').waitFor();

      // The admin moves the SLA target; the page keeps it.
      await page.getByLabel('SLA target (%)').fill('99.5');
      await page.getByRole('button', { name: 'Save target' }).click();
      await page.getByText('target 99.5%').waitFor();
      await screenshot(page, 'sla');

      // The chat is counted for its model on the Cost page, at its price (set above), as all of the spend.
      await openFromSidebar(page, 'Cost');
      const costRow = page.locator('[data-cost-model="browser-chat"]');
      await costRow.waitFor();
      expect(await costRow.textContent()).toMatch(/^browser-chat1\$0\.000[1-9]\d*100%$/);
      await page.locator('.spend-chart svg').first().waitFor();
      await page.locator('[data-figure="Forecast to month end"]').getByText(/^\$0\.\d+$/).waitFor();
      await page.getByText('No anomalies').waitFor();
      await screenshot(page, 'cost');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('creates a spend budget with thresholds and sees its usage bar and reset time, then edits and deletes it', async () => {
    const orgId = h.app.credentials.demoOrgId!;
    const owner = new AdminClient(h.app.url, await h.app.ownerToken());
    // A fresh key, so the quota's usage starts at zero whatever else the org has sent.
    const key = await owner.call<{ id: string; secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'quota-key' });
    const { context, page } = await newPage(h.browser);
    try {
      await signInThroughUi(page, h.app.url, OWNER_EMAIL, h.app.ownerPassword);
      await openFromSidebar(page, 'Quotas & budgets');
      await page.getByText('No quotas or budgets yet').waitFor();

      // A monthly request budget for one API key, then a daily spend budget for a member.
      await page.getByRole('button', { name: 'New quota' }).first().click();
      let dialog = page.getByRole('dialog', { name: 'New quota' });
      await dialog.getByLabel('Name').fill('Monthly requests');
      await dialog.getByLabel('Applies to').selectOption('key');
      await dialog.getByLabel('API key').selectOption(key.id);
      await dialog.getByLabel('Counts').selectOption('requests');
      await dialog.getByLabel('Period').selectOption('month');
      await dialog.getByLabel('Limit').fill('4');
      await dialog.getByLabel('Thresholds (%)').fill('50, 75');
      // A limit that is not a whole number is refused by the shared schema before anything is sent.
      await dialog.getByLabel('Limit').fill('2.5');
      await dialog.getByRole('button', { name: 'Create quota' }).click();
      await dialog.getByText('A requests limit is a whole number.').waitFor();
      await dialog.getByLabel('Limit').fill('4');
      await dialog.getByRole('button', { name: 'Create quota' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.locator('[data-quota="Monthly requests"]');
      await row.waitFor();
      expect(await row.getByRole('progressbar', { name: 'Usage of Monthly requests' }).getAttribute('aria-valuenow')).toBe('0');
      expect(await row.locator('.usage-bar-mark').count()).toBe(2);

      // The window resets at 00:00 UTC on the 1st of next month, shown in the browser's local time.
      const now = new Date();
      const resetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
      expect(await row.getByTestId('quota-resets').locator('time').getAttribute('datetime')).toBe(resetsAt);
      const local = await page.evaluate(`new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('${resetsAt}'))`);
      expect(await row.getByTestId('quota-resets').textContent()).toBe(local);

      // Three requests through the gateway fill the bar to 75%, past both thresholds.
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${h.app.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'count me' }] }),
        });
        expect(res.status).toBe(200);
      }
      await page.reload();
      await expect.poll(() => row.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('75');
      expect(await row.getByTestId('quota-usage').textContent()).toContain('3 requests used · 75%');
      expect(await row.locator('.usage-bar-warning').count()).toBe(1);

      // Edit: the limit doubles, so the bar halves; scope and metric cannot change.
      await row.getByRole('button', { name: 'Edit Monthly requests' }).click();
      dialog = page.getByRole('dialog', { name: 'Edit Monthly requests' });
      expect(await dialog.getByLabel('Counts').isDisabled()).toBe(true);
      await dialog.getByLabel('Limit').fill('6');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');

      // A spend budget for one member, picked from the members list.
      await page.getByRole('button', { name: 'New quota' }).first().click();
      dialog = page.getByRole('dialog', { name: 'New quota' });
      await dialog.getByLabel('Name').fill('Owner daily spend');
      await dialog.getByLabel('Applies to').selectOption('user');
      await dialog.getByLabel('Member').selectOption({ index: 1 });
      await dialog.getByLabel('Period').selectOption('day');
      await dialog.getByLabel('Limit').fill('25.00');
      await dialog.getByLabel('Thresholds (%)').fill('80');
      await dialog.getByLabel(/Hard quota/).uncheck();
      await dialog.getByRole('button', { name: 'Create quota' }).click();
      await dialog.waitFor({ state: 'detached' });
      const budget = page.locator('[data-quota="Owner daily spend"]');
      expect(await budget.textContent()).toContain('$25.00');
      expect(await budget.textContent()).toContain('Soft');
      expect(await budget.textContent()).toContain('You');
      expect(await row.textContent()).toContain('quota-key');
      await screenshot(page, 'quotas');

      await budget.getByRole('button', { name: 'Delete Owner daily spend' }).click();
      dialog = page.getByRole('dialog', { name: 'Delete quota' });
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await budget.waitFor({ state: 'detached' });

      // Org rate limits per client address sit next to the quotas.
      await page.getByLabel('Requests / min, Each client IP').fill('600');
      await page.getByRole('button', { name: 'Save rate limits' }).click();
      await page.getByText('Rate limits saved.').waitFor();
      const org = await owner.call<{ ipLimits: object }>('GET', `/api/orgs/${orgId}`);
      expect(org.ipLimits).toEqual({ rpm: 600 });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('creates an error-rate alert rule sending to a channel, sees it listed as ok, edits and deletes it', async () => {
    const channel = await admin.call<{ id: string }>('POST', `/api/orgs/${orgId}/notification-channels`, { kind: 'in_app', name: 'alert-inbox' });
    const { context, page } = await newPage(h.browser);
    try {
      await signInThroughUi(page, h.app.url, OWNER_EMAIL, h.app.ownerPassword);
      await openFromSidebar(page, 'Alerts');
      await page.getByText('No alert rules yet').waitFor();

      await page.getByRole('button', { name: 'New alert rule' }).first().click();
      let dialog = page.getByRole('dialog', { name: 'New alert rule' });
      await dialog.getByLabel('Name').fill('Errors above 10%');
      await dialog.getByLabel('Watches').selectOption('error_rate');
      // Out of range: the shared schema refuses it before anything is sent.
      await dialog.getByLabel('Error rate at least (%)').fill('150');
      await dialog.getByRole('button', { name: 'Create rule' }).click();
      await dialog.getByText('Must be at most 100.').waitFor();
      await dialog.getByLabel('Error rate at least (%)').fill('10');
      await dialog.getByLabel('Window (seconds)').fill('600');
      await dialog.getByLabel('alert-inbox').check();
      await dialog.getByRole('button', { name: 'Create rule' }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = page.locator('[data-alert-rule="Errors above 10%"]');
      await row.waitFor();
      expect(await row.getAttribute('data-alert-state')).toBe('ok');
      expect(await row.textContent()).toContain('alert-inbox');
      expect(await row.textContent()).toContain('Error rate at least (%): 10');
      const [stored] = await admin.call<{ kind: string; params: object; channelIds: string[] }[]>('GET', `/api/orgs/${orgId}/alert-rules`);
      expect(stored).toMatchObject({ kind: 'error_rate', params: { thresholdPercent: 10, windowSeconds: 600, minRequests: 10 }, channelIds: [channel.id] });
      await page.getByText('No rule has fired yet.').waitFor();

      // Edit: the kind is fixed, the threshold moves.
      await row.getByRole('button', { name: 'Edit Errors above 10%' }).click();
      dialog = page.getByRole('dialog', { name: 'Edit Errors above 10%' });
      expect(await dialog.getByLabel('Watches').isDisabled()).toBe(true);
      await dialog.getByLabel('Error rate at least (%)').fill('20');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Error rate at least (%): 20').waitFor();

      await row.getByRole('button', { name: 'Delete Errors above 10%' }).click();
      dialog = page.getByRole('dialog', { name: 'Delete Errors above 10%?' });
      await dialog.getByRole('button', { name: 'Delete rule' }).click();
      await page.getByText('No alert rules yet').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('creates a redemption code as the platform owner, redeems it once as the org, and disables it', async () => {
    const { context, page } = await newPage(h.browser);
    try {
      await signInThroughUi(page, h.app.url, OWNER_EMAIL, h.app.ownerPassword);
      await openFromSidebar(page, 'Billing');
      await page.getByRole('heading', { name: 'Codes and coupons' }).waitFor();
      await page.getByRole('button', { name: 'New redemption code' }).click();
      let dialog = page.getByRole('dialog', { name: 'New redemption code' });
      await dialog.getByLabel('Amount (USD)').fill('0');
      await dialog.getByRole('button', { name: 'Create code' }).click();
      await dialog.getByText('Must be more than zero.').waitFor();
      await dialog.getByLabel('Amount (USD)').fill('5');
      await dialog.getByLabel('Note (optional)').fill('for the browser test');
      await dialog.getByRole('button', { name: 'Create code' }).click();
      const shown = page.getByRole('dialog', { name: 'Redemption code created' });
      const code = (await shown.getByTestId('secret-value').textContent())!.trim();
      await shown.getByRole('button', { name: "I've saved it" }).click();
      const row = page.locator('tr', { hasText: 'for the browser test' });
      expect(await row.textContent()).toContain('$5.00 credit');
      expect(await page.content()).not.toContain(code);

      const before = (await page.getByTestId('billing-balance').textContent())!;
      await page.getByLabel('Code', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Redeem', exact: true }).click();
      await page.getByText(/^\$5\.00 credited\. The balance is now \$[\d,.]+\.$/).waitFor();
      await expect.poll(() => page.getByTestId('billing-balance').textContent()).not.toBe(before);
      await page.locator('[data-ledger-type="redemption"]').waitFor();
      await row.getByText('1 / 1').waitFor();

      // A second try is refused with the API's reason.
      await page.getByLabel('Code', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Redeem', exact: true }).click();
      await page.getByText('Your organisation has already redeemed this code.').waitFor();

      await row.getByRole('button', { name: /^Disable/ }).click();
      dialog = page.getByRole('dialog', { name: /^Disable/ });
      await dialog.getByRole('button', { name: 'Disable' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Disabled').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});
