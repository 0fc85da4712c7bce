interface DialogButtonsProps {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  onCancel(): void;
  /** Runs the action; without it the primary button submits the enclosing form. */
  onConfirm?(): void;
  danger?: boolean;
  disabled?: boolean;
}

/** Cancel and the primary action of a dialog; both lock while the request is in flight. */
export function DialogButtons({ pending, label, pendingLabel = 'Saving…', onCancel, onConfirm, danger, disabled }: DialogButtonsProps) {
  return (
    <>
      <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button type={onConfirm ? 'button' : 'submit'} className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm} disabled={pending || disabled}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}

/** The same pair at the end of a dialog form. */
export function FormActions(props: DialogButtonsProps) {
  return (
    <div className="button-row button-row-end">
      <DialogButtons {...props} />
    </div>
  );
}

interface SubmitButtonProps {
  pending: boolean;
  label: string;
  pendingLabel: string;
  /** Full width, for the narrow sign-in cards. */
  block?: boolean;
  disabled?: boolean;
}

/** The primary submit of a form outside a dialog; it says what is happening while the request runs. */
export function SubmitButton({ pending, label, pendingLabel, block, disabled }: SubmitButtonProps) {
  return (
    <button type="submit" className={block ? 'button button-primary button-block' : 'button button-primary'} disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </button>
  );
}
