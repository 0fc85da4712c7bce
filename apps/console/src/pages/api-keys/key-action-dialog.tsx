import type { ApiKeyView } from '@ai-router/contracts';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { KeyAction } from './use-api-keys';

const COPY: Record<Exclude<KeyAction, 'resume'>, { title: string; confirm: string; danger: boolean; text: string }> = {
  suspend: {
    title: 'Suspend key',
    confirm: 'Suspend',
    danger: false,
    text: 'Requests with this key are refused until you resume it. Nothing else changes.',
  },
  rotate: {
    title: 'Rotate key',
    confirm: 'Rotate',
    danger: false,
    text: 'A new secret replaces the current one, which stops working at once. The new secret is shown once.',
  },
  revoke: {
    title: 'Revoke key',
    confirm: 'Revoke',
    danger: true,
    text: 'The key stops working for good. This cannot be undone.',
  },
};

interface KeyActionDialogProps {
  action: KeyAction;
  apiKey: ApiKeyView;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

export function KeyActionDialog({ action, apiKey, ...rest }: KeyActionDialogProps) {
  const copy = COPY[action === 'resume' ? 'suspend' : action];
  return (
    <ConfirmDialog title={copy.title} confirmLabel={copy.confirm} danger={copy.danger} {...rest}>
      <p>
        <strong>{apiKey.name}</strong> <code>{apiKey.display}</code>
      </p>
      <p className="muted">{copy.text}</p>
    </ConfirmDialog>
  );
}
