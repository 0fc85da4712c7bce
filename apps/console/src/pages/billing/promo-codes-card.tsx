import type { CreatedPromoCodeView, PromoCodeKind, PromoCodeView } from '@ai-router/contracts';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable, numeric } from '../../components/data-table';
import { useOpenDialog } from '../../components/list-page';
import { QueryState } from '../../components/query-state';
import { SecretDialog } from '../../components/secret-dialog';
import { SmallButton } from '../../components/small-button';
import { formatDollars } from '../../lib/dollars';
import { formatDate } from '../../lib/format';
import { PromoCodeForm } from './promo-code-form';
import { usePromoCodeMutations, usePromoCodes } from './use-promo-codes';

type Open = { kind: 'create'; codeKind: PromoCodeKind } | { kind: 'disable'; code: PromoCodeView };

/** What a code gives, in words. */
function gives(c: PromoCodeView): string {
  if (c.amount !== null) return `${formatDollars(c.amount)} credit`;
  return `${(c.percentBp ?? 0) / 100}% off usage${c.cap !== null ? `, at most ${formatDollars(c.cap)}` : ''}`;
}

/** The platform owner's redemption codes and coupons, for every org; a code's text is shown once. */
export function PromoCodesCard() {
  const { create, disable } = usePromoCodeMutations();
  const [open, setOpen, close] = useOpenDialog<Open>([create, disable]);
  const [created, setCreated] = useState<CreatedPromoCodeView | null>(null);
  return (
    <div className="card">
      <div className="card-header section-toolbar">
        <div>
          <h2>Codes and coupons</h2>
          <p className="card-subtitle">Platform-wide: any org's admin can redeem them on this page.</p>
        </div>
        <div className="inline">
          <button type="button" className="button button-secondary" onClick={() => setOpen({ kind: 'create', codeKind: 'coupon' })}>
            New coupon
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen({ kind: 'create', codeKind: 'redemption' })}>
            New redemption code
          </button>
        </div>
      </div>
      <PromoList kind="redemption" title="Redemption codes" onDisable={(code) => setOpen({ kind: 'disable', code })} />
      <PromoList kind="coupon" title="Coupons" onDisable={(code) => setOpen({ kind: 'disable', code })} />

      {open?.kind === 'create' && (
        <PromoCodeForm
          kind={open.codeKind}
          pending={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (code) => {
                close();
                setCreated(code);
              },
            })
          }
        />
      )}
      {open?.kind === 'disable' && (
        <ConfirmDialog title={`Disable ${open.code.hint}?`} confirmLabel="Disable" danger pending={disable.isPending} error={disable.error} onClose={close} onConfirm={() => disable.mutate(open.code, { onSuccess: close })}>
          <p>It can no longer be redeemed. What it already gave stays{open.code.kind === 'coupon' ? ', and discounts already running end' : ''}.</p>
        </ConfirmDialog>
      )}
      {created && (
        <SecretDialog title={created.kind === 'coupon' ? 'Coupon created' : 'Redemption code created'} label="Code" secret={created.code} onClose={() => setCreated(null)}>
          <p className="muted">Give it to the org that should redeem it: {gives(created)}.</p>
        </SecretDialog>
      )}
    </div>
  );
}

function PromoList({ kind, title, onDisable }: { kind: PromoCodeKind; title: string; onDisable(code: PromoCodeView): void }) {
  const codes = usePromoCodes(kind);
  return (
    <>
      <h3 className="card-body">{title}</h3>
      <QueryState query={codes} label={title.toLowerCase()} isEmpty={(list) => list.length === 0} empty={<p className="card-body muted">None yet.</p>}>
        {(list) => (
          <DataTable columns={['Code', 'Gives', numeric('Redeemed'), 'Valid', 'Note', 'Status']} actions>
            {list.map((c) => (
              <tr key={c.id} data-promo-code={c.hint}>
                <td>
                  <code>{c.hint}</code>
                </td>
                <td>{gives(c)}</td>
                <td className="num">
                  {c.redemptionCount} / {c.maxRedemptions}
                </td>
                <td className="cell-sub">{c.validUntil ? `Until ${formatDate(c.validUntil)}` : `From ${formatDate(c.validFrom)}`}</td>
                <td className="cell-sub">{c.note ?? '—'}</td>
                <td>{c.disabled ? <Badge>Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
                <td className="actions">{!c.disabled && <SmallButton label="Disable" target={c.hint} tone="danger" onClick={() => onDisable(c)} />}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
