import type { ModelPriceView } from '@ai-router/contracts';
import { useState } from 'react';
import { SmallButton } from '../../components/small-button';
import { formatDollars } from '../../lib/dollars';
import { formatDateTime } from '../../lib/format';
import { PriceForm } from './price-form';
import { currentPrice, useModelPrices, useSetModelPrice } from './use-model-prices';

/** "$3.00 in · $15.00 out per 1M tokens", with the other parts only when they are set. */
export function describePrice(p: ModelPriceView): string {
  const parts = [`${formatDollars(p.inputPerMillion)} in`, `${formatDollars(p.outputPerMillion)} out per 1M tokens`];
  if (/[1-9]/.test(p.cachedInputPerMillion)) parts.push(`${formatDollars(p.cachedInputPerMillion)} cached in`);
  if (/[1-9]/.test(p.cacheWritePerMillion)) parts.push(`${formatDollars(p.cacheWritePerMillion)} cache write`);
  if (/[1-9]/.test(p.perImage)) parts.push(`${formatDollars(p.perImage)} per image`);
  if (/[1-9]/.test(p.perRequest)) parts.push(`${formatDollars(p.perRequest)} per request`);
  return parts.join(' · ');
}

/** The model's price from the price book; the platform owner sets a new one. */
export function ModelPrice({ orgId, modelId, modelName, canSet }: { orgId: string; modelId: string; modelName: string; canSet: boolean }) {
  const prices = useModelPrices(orgId, modelId);
  const setPrice = useSetModelPrice(orgId, modelId);
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    setPrice.reset();
  };
  const { current, upcoming } = currentPrice(prices.data ?? []);
  const text = prices.isPending ? 'Loading…' : prices.isError ? 'Could not load the price.' : current ? describePrice(current) : 'No price set: its requests cost nothing.';
  return (
    <div className="inline" data-model-price={modelName}>
      <span className="card-subtitle">
        Price: <span data-testid="model-price">{text}</span>
        {upcoming && ` · From ${formatDateTime(upcoming.effectiveFrom)}: ${describePrice(upcoming)}`}
      </span>
      {canSet && <SmallButton label="Set price" target={`of ${modelName}`} onClick={() => setOpen(true)} />}
      {open && <PriceForm modelName={modelName} current={current} pending={setPrice.isPending} error={setPrice.error} onClose={close} onSubmit={(body) => setPrice.mutate(body, { onSuccess: close })} />}
    </div>
  );
}
