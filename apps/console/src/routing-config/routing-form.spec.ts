import { strategyConfigSchema, type RoutingConfig } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { emptyRule, toRoutingForm, toRoutingInput } from './routing-form';

describe('routing form', () => {
  it('round-trips a config with options and rules, keeping conditions the editor has no field for', () => {
    const config: RoutingConfig = {
      name: 'composite',
      options: { weights: { cost: 2, latency: 1 }, preferFree: true },
      rules: [
        { name: 'batch', when: { tag: 'batch', metadata: { team: 'a' } }, then: { strategy: 'lowest-cost' } },
        { when: { header: { name: 'x-tier', matches: '^gold' }, hasTools: false }, then: { model: 'big', options: { exploreRate: 0.1 } } },
      ],
    };
    const parsed = strategyConfigSchema.parse(toRoutingInput(toRoutingForm(config)));
    expect(parsed).toEqual(config);
  });

  it('sends only the options the chosen strategy reads', () => {
    const form = toRoutingForm({ name: 'composite', options: { weights: { cost: 3 }, preferFree: true }, rules: [] });
    form.name = 'round-robin';
    expect(toRoutingInput(form)).toEqual({ name: 'round-robin', options: {}, rules: [] });
  });

  it('lets the schema catch invalid rules and numbers', () => {
    const form = toRoutingForm(null);
    form.name = 'lowest-latency';
    form.exploreRate = '2';
    form.rules = [{ ...emptyRule(), tag: 'x' }, { ...emptyRule(), headerName: 'h', headerMode: 'matches', headerValue: '(' , thenModel: 'm' }];
    const result = strategyConfigSchema.safeParse(toRoutingInput(form));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['options.exploreRate', 'rules.0.then', 'rules.1.when.header.matches']));
  });
});
