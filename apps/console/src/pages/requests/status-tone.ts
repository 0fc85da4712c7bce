import type { Tone } from '../../components/badge';

export function statusTone(status: number): Tone {
  if (status < 400) return 'success';
  if (status === 429 || status === 499) return 'warning';
  return 'danger';
}
