import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';
import { Dialog } from './dialog';

interface SecretDialogProps {
  title: string;
  /** What the value is, for the label above it: "API key". */
  label: string;
  secret: string;
  onClose(): void;
  children?: ReactNode;
}

/** Shows a secret or link exactly once: it is not stored anywhere the console can show it again. */
export function SecretDialog({ title, label, secret, onClose, children }: SecretDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          I've saved it
        </button>
      }
    >
      <div className="alert alert-warning">This is the only time it is shown. Copy it now and keep it somewhere safe.</div>
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="secret-row">
          <code className="secret-value" data-testid="secret-value">
            {secret}
          </code>
          <CopyButton text={secret} />
        </div>
      </div>
      {children}
    </Dialog>
  );
}
