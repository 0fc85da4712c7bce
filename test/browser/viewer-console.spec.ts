import type { OrgView } from '@ai-router/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../apps/api/test/support/admin-client';
import { inviteMember } from '../../apps/api/test/support/console-session';
import { newPage, openFromSidebar, signInThroughUi, startConsoleHarness, type ConsoleHarness } from './support/console-app';

const VIEWER = { email: 'viewer@example.com', password: 'viewer-password-1' };

/** Any control that changes something: the console must not offer these to a viewer. */
const WRITE_CONTROL = /^(create|add|new|edit|delete|remove|invite|revoke|suspend|resume|rotate|import|save|disable|enable|top up|send|billing settings)\b/i;

async function writeControls(page: Page): Promise<string[]> {
  const labels = await page.locator('main button, main select[aria-label^="Role of"]').evaluateAll((els) =>
    els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
  );
  return labels.filter((label) => WRITE_CONTROL.test(label) || label.startsWith('Role of'));
}

/**
 * A viewer sees what the role may read and nothing that changes it; another org's address shows a
 * not-found state without loading anything from that org. A developer joins through the invite page.
 */
describe('console as a viewer', () => {
  let h: ConsoleHarness;
  let demoOrgId: string;
  let otherOrgId: string;
  let owner: AdminClient;

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = new AdminClient(h.app.url, await h.app.ownerToken());
    demoOrgId = h.app.credentials.demoOrgId!;
    await inviteMember(h.app.url, owner, demoOrgId, VIEWER.email, 'viewer', VIEWER.password);
    // An org the viewer is not in, holding something recognisable.
    otherOrgId = (await owner.call<OrgView>('POST', '/api/orgs', { name: 'Other Org' })).id;
    await owner.createModel(otherOrgId, 'secret-model-of-other-org', []);
    // Something on the pages below for the viewer to look at: a quota, a channel, a top-up.
    await owner.call('POST', `/api/orgs/${demoOrgId}/quotas`, { name: 'Team budget', scope: 'org', metric: 'cost', period: 'month', limit: '50.00', thresholds: [80] });
    await owner.call('POST', `/api/orgs/${demoOrgId}/notification-channels`, { kind: 'in_app', name: 'team-inbox' });
    await owner.call('POST', `/api/orgs/${demoOrgId}/billing/top-ups`, { amount: '3' });
    await owner.call('POST', `/api/orgs/${demoOrgId}/alert-rules`, { kind: 'low_balance', name: 'Balance under $1', params: { threshold: '1.00' } });
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('shows no write controls on keys, providers, models, members, quotas, SLA, cost, usage, request logs, billing, notifications and alerts, and no data from another org', async () => {
    const { context, page } = await newPage(h.browser);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    try {
      await signInThroughUi(page, h.app.url, VIEWER.email, VIEWER.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const hidden of ['API keys', 'Providers', 'Members', 'Audit log']) {
        expect(await nav.getByRole('link', { name: hidden, exact: true }).count(), hidden).toBe(0);
      }

      // Models: readable, with no way to change them.
      await openFromSidebar(page, 'Models');
      await page.locator('[data-model="demo-chat"]').waitFor();
      await page.locator('[data-model-price="demo-chat"]').getByTestId('model-price').getByText(/per 1M tokens|No price set/).waitFor();
      expect(await page.getByRole('button', { name: /^Set price/ }).count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);

      // Keys, providers, members: the role cannot read them, so the page says so and offers nothing.
      for (const [section, title] of [['keys', 'API keys'], ['providers', 'Providers'], ['members', 'Members']] as const) {
        await page.goto(`${h.app.url}/orgs/${demoOrgId}/${section}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByText(`Your role can't view ${title}`).waitFor();
        expect(await writeControls(page), section).toEqual([]);
      }

      // Routing: the default strategy is shown read-only; the dry-run preview is allowed (models:read).
      await openFromSidebar(page, 'Routing');
      await page.getByRole('button', { name: 'Preview routing' }).waitFor();
      expect(await page.getByRole('button', { name: 'Save default' }).count()).toBe(0);
      expect(await page.getByLabel('Custom strategy').count()).toBe(0);

      // The playground cannot create a key for a viewer; pasting one is the only way.
      await openFromSidebar(page, 'Playground');
      await page.getByLabel('API key').waitFor();
      expect(await page.getByRole('button', { name: 'Create a temporary key' }).count()).toBe(0);

      // Quotas, SLA and cost: readable, with no way to change them or the org's limits and targets.
      await openFromSidebar(page, 'Quotas & budgets');
      const quota = page.locator('[data-quota="Team budget"]');
      await quota.getByRole('progressbar', { name: 'Usage of Team budget' }).waitFor();
      expect(await quota.textContent()).toContain('$50.00');
      await page.locator('[data-limit-level="ipLimits"]').getByText('No limit').first().waitFor();
      expect(await page.locator('main input, main textarea').count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);

      await openFromSidebar(page, 'SLA');
      await page.getByText('No requests in this window').waitFor();
      expect(await page.locator('[data-setting="slaTargetPercent"]').textContent()).toBe('99.9%');
      await page.getByRole('button', { name: '7 days' }).click();
      expect(await page.locator('main input').count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);

      await openFromSidebar(page, 'Cost');
      await page.getByText('No spend in the last 30 days').waitFor();
      await page.locator('[data-setting="anomalyMultiplier"]').waitFor();
      expect(await page.locator('main input').count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);

      // One request, sent only now: the SLA and cost pages above are checked with no traffic.
      const key = await owner.call<{ secret: string }>('POST', `/api/orgs/${demoOrgId}/api-keys`, { name: 'owner-key' });
      const chat = await fetch(`${h.app.url}/v1/chat/completions`, {
        method: 'POST', headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(chat.status).toBe(200);

      // Usage, request logs, billing and notifications: readable, with nothing that changes them.
      await openFromSidebar(page, 'Usage');
      await page.locator('[data-metric="Requests"]').waitFor();
      expect(await writeControls(page)).toEqual([]);
      await openFromSidebar(page, 'Request logs');
      await page.locator('[data-request-model="demo-chat"]').waitFor();
      expect(await page.getByText('You see the requests made with your own API keys.').count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);
      await openFromSidebar(page, 'Billing');
      await page.getByTestId('billing-balance').waitFor();
      await page.locator('[data-ledger-type="topup"]').waitFor();
      expect(await page.getByRole('heading', { name: 'Redeem a code' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Codes and coupons' }).count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);
      await openFromSidebar(page, 'Notifications');
      await page.locator('[data-channel="team-inbox"]').waitFor();
      expect(await writeControls(page)).toEqual([]);
      await openFromSidebar(page, 'Alerts');
      await page.locator('[data-alert-rule="Balance under $1"]').getByText('Balance below (dollars): $1.00').waitFor();
      await page.getByText(/No rule has fired/).waitFor();
      expect(await page.locator('main input, main textarea').count()).toBe(0);
      expect(await writeControls(page)).toEqual([]);
      // The inbox is for every member; the bell is in the header, outside the page.
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await page.getByRole('region', { name: 'Notifications' }).waitFor();

      // Another org's address: not found, and nothing requested from it.
      await page.goto(`${h.app.url}/orgs/${otherOrgId}/models`);
      await page.getByRole('heading', { level: 1, name: 'Organisation not found' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.content()).not.toContain('secret-model-of-other-org');
      expect(requested.filter((path) => path.includes(otherOrgId))).toEqual([`/orgs/${otherOrgId}/models`]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('lets a developer join through the invite link and use their own pages', async () => {
    const invite = await owner.call<{ acceptPath: string }>('POST', `/api/orgs/${demoOrgId}/invites`, { email: 'dev@example.com', role: 'developer' });
    const { context, page } = await newPage(h.browser);
    try {
      await page.goto(`${h.app.url}${invite.acceptPath}`);
      await page.getByRole('heading', { name: 'Join your team' }).waitFor();
      await page.getByLabel('Your name').fill('Dev');
      await page.getByLabel('Password', { exact: true }).fill('developer-pass-1');
      await page.getByLabel('Confirm password').fill('developer-pass-1');
      await page.getByRole('button', { name: 'Accept invite' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      expect(page.url()).toBe(`${h.app.url}/orgs/${demoOrgId}`);

      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Providers', exact: true }).count()).toBe(0);
      await openFromSidebar(page, 'Request logs');
      await page.getByText('You see the requests made with your own API keys.').waitFor();
      await page.getByText('No requests yet').waitFor();
      await openFromSidebar(page, 'API keys');
      await page.getByText('You see the keys you own.').waitFor();
      await page.getByText('No API keys yet').waitFor();
      expect(await page.getByRole('button', { name: 'Create API key' }).count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});
