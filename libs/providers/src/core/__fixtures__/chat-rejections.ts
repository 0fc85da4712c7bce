/** Rejection-table rows for the chat param rules the translating families share (core/chat-params). */
export type RejectionRow = [name: string, patch: Record<string, unknown>, param: string];

/** What `openAIOnlyFeatures` refuses. */
export const OPENAI_ONLY_FEATURE_REJECTIONS: RejectionRow[] = [
  ['logprobs', { logprobs: true }, 'logprobs'],
  ['top_logprobs', { top_logprobs: 3 }, 'top_logprobs'],
  ['logit_bias', { logit_bias: { '50256': -100 } }, 'logit_bias'],
  ['audio output', { modalities: ['text', 'audio'] }, 'modalities'],
  ['audio parameters', { audio: { format: 'wav', voice: 'alloy' } }, 'audio'],
  ['legacy functions', { functions: [{ name: 'f' }] }, 'functions'],
];

/** What `unsupportedPenalties` refuses. */
export const PENALTY_REJECTIONS: RejectionRow[] = [
  ['presence_penalty', { presence_penalty: 0.5 }, 'presence_penalty'],
  ['frequency_penalty', { frequency_penalty: -1 }, 'frequency_penalty'],
];

/** The rows in a family table's layout: `fill` stands for its extra columns (messages, model) between patch and param. */
export function rejectionRows<TFill extends unknown[]>(
  rows: readonly RejectionRow[],
  ...fill: TFill
): Array<[name: string, patch: Record<string, unknown>, ...fill: TFill, param: string]> {
  return rows.map(([name, patch, param]) => [name, patch, ...fill, param]);
}
