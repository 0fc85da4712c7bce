import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { errorMessage } from './error-alert';
import { DialogButtons } from './form-actions';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** "Are you sure?" for actions that cannot be undone or that cut off a client. */
export function ConfirmDialog({ title, children, confirmLabel, danger, pending, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      locked={pending}
      footer={<DialogButtons pending={pending} label={confirmLabel} pendingLabel="Working…" danger={danger} onCancel={onClose} onConfirm={onConfirm} />}
    >
      <div className="confirm-text">{children}</div>
      {error ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(error)}
        </div>
      ) : null}
    </Dialog>
  );
}
