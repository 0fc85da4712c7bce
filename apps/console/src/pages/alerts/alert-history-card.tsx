import type { AlertRuleView } from '@ai-router/contracts';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { DataTable, numeric } from '../../components/data-table';
import { LabelledSelect } from '../../components/labelled-select';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { formatAlertValue } from './alert-params';
import { useAlertEvents } from './use-alerts';

const STATE_OPTIONS = { '': 'Firing and resolved', firing: 'Firing now', resolved: 'Resolved' };

/** Each firing of a rule, from the first notice to its resolution, newest first. */
export function AlertHistoryCard({ orgId, rules }: { orgId: string; rules: AlertRuleView[] }) {
  const [ruleId, setRuleId] = useState('');
  const [state, setState] = useState<keyof typeof STATE_OPTIONS>('');
  const pages = useCursorPages(25);
  const events = useAlertEvents(orgId, { ruleId, state }, pages.limit, pages.cursor);
  const rows = events.data ?? [];
  return (
    <div className="card">
      <div className="card-header section-toolbar">
        <div>
          <h2>Firing history</h2>
          <p className="card-subtitle">Every time a rule fired, and when it cleared.</p>
        </div>
        <div className="inline">
          <LabelledSelect
            label="Rule"
            value={ruleId}
            options={{ '': 'All rules', ...Object.fromEntries(rules.map((r) => [r.id, r.name])) }}
            onChange={(id) => {
              setRuleId(id);
              pages.reset();
            }}
          />
          <LabelledSelect
            label="State"
            value={state}
            options={STATE_OPTIONS}
            onChange={(next) => {
              setState(next);
              pages.reset();
            }}
          />
        </div>
      </div>
      <QueryState query={events} label="alert history" isEmpty={(list) => list.length === 0 && pages.page === 1} empty={<p className="card-body muted">No rule has fired{ruleId || state ? ' for this filter' : ' yet'}.</p>}>
        {(list) => (
          <>
            <DataTable columns={['Fired', 'Rule', 'What happened', 'Value', 'Resolved', numeric('Notices')]}>
              {list.map((e) => (
                <tr key={e.id} data-alert-event={e.ruleName}>
                  <td className="cell-sub nowrap">{formatDateTime(e.firedAt)}</td>
                  <td>{e.ruleName}</td>
                  <td className="cell-sub">{e.summary}</td>
                  <td>{formatAlertValue(e.kind, e.lastValue)}</td>
                  <td>{e.resolvedAt ? <span className="cell-sub nowrap">{formatDateTime(e.resolvedAt)}</span> : <Badge tone="danger">Firing</Badge>}</td>
                  <td className="num">{e.notificationsSent}</td>
                </tr>
              ))}
            </DataTable>
            <CursorPager pages={pages} label="Firing history pages" next={rows.length < pages.limit || events.isPlaceholderData ? null : rows.at(-1)!.firedAt} />
          </>
        )}
      </QueryState>
    </div>
  );
}
