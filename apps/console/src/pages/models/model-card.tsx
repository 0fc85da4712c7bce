import type { DeploymentView, ModelView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { SmallButton } from '../../components/small-button';
import { DeploymentsTable } from './deployments-table';
import { ModelPrice } from './model-price';

export type ModelAction = 'edit' | 'delete' | 'add-deployment';

interface ModelCardProps {
  orgId: string;
  model: ModelView;
  /** The platform owner sets prices (billing:manage). */
  canSetPrice: boolean;
  providerName(accountId: string): string;
  canWrite: boolean;
  canDelete: boolean;
  onAction(action: ModelAction): void;
  onEditDeployment(d: DeploymentView): void;
  onRemoveDeployment(d: DeploymentView): void;
}

export function ModelCard({ orgId, model, canSetPrice, providerName, canWrite, canDelete, onAction, onEditDeployment, onRemoveDeployment }: ModelCardProps) {
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
          <ModelPrice orgId={orgId} modelId={model.id} modelName={model.name} canSet={canSetPrice} />
        </div>
        {(canWrite || canDelete) && (
          <div className="inline">
            {canWrite && <SmallButton label="Add deployment" target={`to ${model.name}`} tone="secondary" onClick={() => onAction('add-deployment')} />}
            {canWrite && <SmallButton label="Edit" target={`model ${model.name}`} tone="secondary" onClick={() => onAction('edit')} />}
            {canDelete && <SmallButton label="Delete" target={`model ${model.name}`} tone="danger" onClick={() => onAction('delete')} />}
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
