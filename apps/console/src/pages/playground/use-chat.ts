import { useRef, useState } from 'react';
import { errorMessage } from '../../components/error-alert';
import { streamChat, type ChatMessage, type ChatStreamResult } from './chat-stream';

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  /** Assistant turns: what the gateway said about how it was served. */
  meta?: ChatStreamResult;
  error?: string;
  streaming?: boolean;
}

/** A conversation with one model; each send streams the reply into the last turn. */
export function useChat() {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const updateLast = (patch: Partial<Turn>) => setTurns((all) => all.map((t, i) => (i === all.length - 1 ? { ...t, ...patch } : t)));

  async function send(input: { apiKey: string; model: string; system: string; text: string; maxTokens?: number }) {
    const history: ChatMessage[] = [
      ...(input.system.trim() ? [{ role: 'system' as const, content: input.system.trim() }] : []),
      ...turns.filter((t) => !t.error).map((t) => ({ role: t.role, content: t.content })),
      { role: 'user', content: input.text },
    ];
    setTurns((all) => [...all, { role: 'user', content: input.text }, { role: 'assistant', content: '', streaming: true }]);
    setBusy(true);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const meta = await streamChat({
        fetch: (url, init) => globalThis.fetch(url, init),
        apiKey: input.apiKey,
        model: input.model,
        messages: history,
        maxTokens: input.maxTokens,
        signal: controller.signal,
        onText: (content) => updateLast({ content }),
      });
      updateLast({ content: meta.text, meta, streaming: false, error: meta.error?.message });
    } catch (err) {
      updateLast({ streaming: false, error: controller.signal.aborted ? 'Stopped.' : errorMessage(err) });
    } finally {
      abort.current = null;
      setBusy(false);
    }
  }

  return {
    turns,
    busy,
    send,
    stop: () => abort.current?.abort(),
    clear: () => setTurns([]),
  };
}
