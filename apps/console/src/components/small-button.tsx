import type { ReactNode } from 'react';

const TONE_CLASS = {
  ghost: 'button button-ghost button-small',
  secondary: 'button button-secondary button-small',
  danger: 'button button-ghost button-small danger',
} as const;

interface SmallButtonProps {
  label: ReactNode;
  /** Screen-reader-only words naming the row or card, so repeated buttons have distinct accessible names. */
  target?: string;
  tone?: keyof typeof TONE_CLASS;
  disabled?: boolean;
  onClick(): void;
}

/** A small action on one row or card: Edit, Remove, Delete… */
export function SmallButton({ label, target, tone = 'ghost', disabled, onClick }: SmallButtonProps) {
  return (
    <button type="button" className={TONE_CLASS[tone]} disabled={disabled} onClick={onClick}>
      {label}
      {target && <span className="visually-hidden"> {target}</span>}
    </button>
  );
}
