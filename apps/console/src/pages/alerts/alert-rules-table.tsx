import type { AlertRuleView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { formatDollars } from '../../lib/dollars';
import { formatDateTime, shortId } from '../../lib/format';
import { formatAlertValue, KIND_LABELS, PARAM_FIELDS, STATE_TONE } from './alert-params';
import type { AlertChoices } from './alert-rule-form';

interface AlertRulesTableProps {
  rules: AlertRuleView[];
  choices: AlertChoices;
  canManage: boolean;
  onAction(rule: AlertRuleView, action: 'edit' | 'delete'): void;
}

/** The rule's params in words ("Error rate at least (%): 5 · Window (seconds): 300"), picked ids by name. */
function condition(rule: AlertRuleView, choices: AlertChoices): string {
  const shown = (type: string, value: string) => {
    if (type === 'dollars') return formatDollars(value);
    if (type !== 'provider' && type !== 'budget') return value;
    // A role that cannot list providers or quotas sees a short id.
    return (type === 'provider' ? choices.providers : choices.budgets).find((x) => x.id === value)?.name ?? shortId(value);
  };
  const parts = PARAM_FIELDS[rule.kind]
    .filter((f) => rule.params[f.name] !== undefined)
    .map((f) => `${f.label.replace(/ \(optional\)$/, '')}: ${shown(f.type, String(rule.params[f.name]))}`);
  return parts.length > 0 ? parts.join(' · ') : 'No settings';
}

export function AlertRulesTable({ rules, choices, canManage, onAction }: AlertRulesTableProps) {
  const channelName = (id: string) => choices.channels.find((c) => c.id === id)?.name ?? 'Deleted channel';
  return (
    <DataTable columns={['Rule', 'Condition', 'State', 'Last value', 'Sends to', 'Status']} actions={canManage}>
      {rules.map((r) => (
        <tr key={r.id} data-alert-rule={r.name} data-alert-state={r.state}>
          <td>
            <div className="cell-strong">{r.name}</div>
            <div className="cell-sub">{KIND_LABELS[r.kind]}</div>
          </td>
          <td className="cell-sub">{condition(r, choices)}</td>
          <td>
            <Badge tone={STATE_TONE[r.state]}>{r.state}</Badge>
          </td>
          <td>
            <div>{formatAlertValue(r.kind, r.lastValue)}</div>
            <div className="cell-sub">{r.lastEvaluatedAt ? `Checked ${formatDateTime(r.lastEvaluatedAt)}` : 'Not checked yet'}</div>
          </td>
          <td className="cell-sub">{r.channelIds.length === 0 ? 'Every alert channel' : r.channelIds.map(channelName).join(', ')}</td>
          <td>{r.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}</td>
          {canManage && (
            <td className="actions">
              <div className="inline row-actions">
                <SmallButton label="Edit" target={r.name} onClick={() => onAction(r, 'edit')} />
                <SmallButton label="Delete" target={r.name} tone="danger" onClick={() => onAction(r, 'delete')} />
              </div>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
