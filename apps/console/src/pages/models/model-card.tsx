import type { DeploymentView, ModelView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DeploymentsTable } from './deployments-table';

export type ModelAction = 'edit' | 'delete' | 'add-deployment';

interface ModelCardProps {
  model: ModelView;
  providerName(accountId: string): string;
  canWrite: boolean;
  canDelete: boolean;
  onAction(action: ModelAction): void;
  onEditDeployment(d: DeploymentView): void;
  onRemoveDeployment(d: DeploymentView): void;
}

export function ModelCard({ model, providerName, canWrite, canDelete, onAction, onEditDeployment, onRemoveDeployment }: ModelCardProps) {
  const routing = model.routing
    ? `${model.routing.name}${model.routing.rules.length ? ` + ${model.routing.rules.length} rule${model.routing.rules.length === 1 ? '' : 's'}` : ''}`
    : 'organisation default';
  return (
    <article className="card" data-model={model.name} aria-labelledby={`model-${model.id}`}>
      <header className="card-header">
        <div>
          <div className="inline">
            <h2 id={`model-${model.id}`} className="card-title mono">
              {model.name}
            </h2>
            {model.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
          </div>
          {model.description && <p className="card-subtitle">{model.description}</p>}
          <p className="card-subtitle">
            Routing: {routing} · Health checks: {model.healthCheck}
            {model.fallbackModels.length > 0 && ` · Falls back to ${model.fallbackModels.join(' → ')}`}
          </p>
        </div>
        {(canWrite || canDelete) && (
          <div className="inline">
            {canWrite && (
              <button type="button" className="button button-secondary button-small" onClick={() => onAction('add-deployment')}>
                Add deployment<span className="visually-hidden"> to {model.name}</span>
              </button>
            )}
            {canWrite && (
              <button type="button" className="button button-secondary button-small" onClick={() => onAction('edit')}>
                Edit<span className="visually-hidden"> model {model.name}</span>
              </button>
            )}
            {canDelete && (
              <button type="button" className="button button-ghost button-small danger" onClick={() => onAction('delete')}>
                Delete<span className="visually-hidden"> model {model.name}</span>
              </button>
            )}
          </div>
        )}
      </header>
      <DeploymentsTable
        deployments={model.deployments}
        providerName={providerName}
        canWrite={canWrite}
        canDelete={canDelete}
        onEdit={onEditDeployment}
        onRemove={onRemoveDeployment}
      />
    </article>
  );
}
