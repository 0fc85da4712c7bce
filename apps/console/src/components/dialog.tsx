import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons along the bottom edge. */
  footer?: ReactNode;
  wide?: boolean;
  /** Slides in at the right edge, full height: for details read beside the list they came from. */
  drawer?: boolean;
  /** While true, Escape does not close (a request is in flight, or a secret must be acknowledged). */
  locked?: boolean;
}

/**
 * A modal on the native <dialog>: focus is trapped and restored by the browser, the page behind is
 * inert. Mount it to open it; unmounting closes it, so form state starts fresh each time.
 */
export function Dialog({ title, onClose, children, footer, wide, drawer, locked }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', wide && 'dialog-wide', drawer && 'dialog-drawer'].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!locked) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose} disabled={locked}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
