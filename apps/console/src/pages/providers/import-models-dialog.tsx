import type { ImportModelsResult, ProviderAccountView } from '@ai-router/contracts';
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { FormError } from '../../components/field';
import { DialogButtons } from '../../components/form-actions';
import { QueryState } from '../../components/query-state';
import { useUpstreamModels } from './use-providers';

interface ImportModelsDialogProps {
  orgId: string;
  account: ProviderAccountView;
  pending: boolean;
  error: unknown;
  result: ImportModelsResult | undefined;
  onSubmit(models: string[]): void;
  onClose(): void;
}

/** Publishes models the provider lists: each becomes a public model of the same name with one deployment. */
export function ImportModelsDialog({ orgId, account, pending, error, result, onSubmit, onClose }: ImportModelsDialogProps) {
  const upstream = useUpstreamModels(orgId, account.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const toggle = (model: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(model);
    else next.delete(model);
    return next;
  });

  if (result) {
    return (
      <Dialog title="Models imported" onClose={onClose} footer={<button type="button" className="button button-primary" onClick={onClose}>Done</button>}>
        <div className="alert alert-success" role="status">
          {result.created.length} model{result.created.length === 1 ? '' : 's'} published{result.created.length ? `: ${result.created.join(', ')}` : ''}.
        </div>
        {result.skipped.length > 0 && (
          <ul className="plain-list">
            {result.skipped.map((s) => (
              <li key={s.model}>
                <code>{s.model}</code> <span className="muted">skipped: {s.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </Dialog>
    );
  }
  return (
    <Dialog
      title={`Import models from ${account.name}`}
      onClose={onClose}
      locked={pending}
      footer={
        <DialogButtons
          pending={pending}
          label={`Import ${chosen.size || ''} model${chosen.size === 1 ? '' : 's'}`}
          pendingLabel="Importing…"
          disabled={chosen.size === 0}
          onCancel={onClose}
          onConfirm={() => onSubmit([...chosen])}
        />
      }
    >
      <FormError message={error ? errorMessage(error) : undefined} />
      <QueryState
        query={upstream}
        label="the provider's models"
        isEmpty={(d) => d.models.length === 0}
        empty={<p className="muted">The provider lists no models.</p>}
      >
        {({ models }) => {
          const shown = models.filter((m) => m.toLowerCase().includes(filter.trim().toLowerCase()));
          return (
            <>
              <div className="inline">
                <input className="input grow" type="search" placeholder="Filter models" aria-label="Filter models" value={filter} onChange={(e) => setFilter(e.target.value)} />
                <button type="button" className="button button-secondary button-small" onClick={() => setChosen(new Set([...chosen, ...shown]))}>
                  Select all
                </button>
                <button type="button" className="button button-ghost button-small" onClick={() => setChosen(new Set())}>
                  Clear
                </button>
              </div>
              <div className="check-list" role="group" aria-label="Upstream models">
                {shown.map((m) => (
                  <label key={m} className="check">
                    <input type="checkbox" checked={chosen.has(m)} onChange={(e) => toggle(m, e.target.checked)} />
                    <span className="mono">{m}</span>
                  </label>
                ))}
                {shown.length === 0 && <span className="muted">No model matches “{filter}”.</span>}
              </div>
            </>
          );
        }}
      </QueryState>
    </Dialog>
  );
}
