import { useId } from 'react';
import { useCurrentOrg } from './current-org';

/** Shows the current org; becomes a dropdown only when there is something to switch to. */
export function OrgSwitcher() {
  const { org, orgs, selectOrg } = useCurrentOrg();
  const selectId = useId();

  if (orgs.length === 0) return <span className="org-name org-name-muted">No organisation</span>;
  if (org && orgs.length === 1) {
    return (
      <span className="org-name" title={`Your role: ${org.role}`}>
        {org.name} <span className="org-role">{org.role}</span>
      </span>
    );
  }
  return (
    <div className="org-switcher">
      <label className="visually-hidden" htmlFor={selectId}>
        Organisation
      </label>
      <select id={selectId} className="select" value={org?.id ?? ''} onChange={(event) => selectOrg(event.target.value)}>
        {!org && (
          <option value="" disabled>
            Choose an organisation
          </option>
        )}
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {org && <span className="org-role">{org.role}</span>}
    </div>
  );
}
