import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useModels } from '../../api/org-queries';
import { EmptyState } from '../../components/empty-state';
import { Field, fieldAria } from '../../components/field';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { optionalNumber } from '../../lib/zod-form';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { ChatTranscript } from './chat-transcript';
import { PlaygroundKeyPanel } from './playground-key';
import { usePlaygroundKey } from './playground-key-store';
import { useChat } from './use-chat';
import './playground.css';

export function PlaygroundPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const models = useModels(orgId);
  const key = usePlaygroundKey(orgId);
  const chat = useChat();
  const [model, setModel] = useState('');
  const [system, setSystem] = useState('');
  const [maxTokens, setMaxTokens] = useState('');
  const [text, setText] = useState('');
  const enabledModels = models.data?.filter((m) => m.enabled) ?? [];

  useEffect(() => {
    if (!model && enabledModels[0]) setModel(enabledModels[0].name);
  }, [model, enabledModels]);

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!key || !model || !text.trim() || chat.busy) return;
    const limit = optionalNumber(maxTokens);
    void chat.send({ apiKey: key.secret, model, system, text: text.trim(), maxTokens: limit && limit > 0 ? Math.floor(limit) : undefined });
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) send(event);
  };

  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} />
      <QueryState
        query={models}
        label="models"
        isEmpty={() => enabledModels.length === 0}
        empty={
          <EmptyState title="No models to chat with">
            <p>Publish and enable a model on the Models page first.</p>
          </EmptyState>
        }
      >
        {() => (
          <div className="playground">
            <aside className="card playground-settings">
              <div className="card-body stack">
                <Field id="pg-model" label="Model">
                  <select {...fieldAria('pg-model', undefined)} className="input" value={model} onChange={(e) => setModel(e.target.value)}>
                    {enabledModels.map((m) => (
                      <option key={m.id} value={m.name}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <PlaygroundKeyPanel orgId={orgId} canCreate={can('apiKeys:write')} />
                <Field id="pg-system" label="System prompt (optional)">
                  <textarea {...fieldAria('pg-system', undefined)} className="input textarea" value={system} onChange={(e) => setSystem(e.target.value)} />
                </Field>
                <Field id="pg-max" label="Max tokens (optional)">
                  <input {...fieldAria('pg-max', undefined)} className="input" inputMode="numeric" value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} />
                </Field>
              </div>
            </aside>
            <div className="card playground-chat">
              <div className="playground-log">
                <ChatTranscript turns={chat.turns} orgId={orgId} canReadRequests={can('requests:read')} />
              </div>
              <form className="playground-input" onSubmit={send}>
                <label htmlFor="pg-message" className="visually-hidden">
                  Message
                </label>
                <textarea
                  id="pg-message"
                  className="input textarea"
                  placeholder={key ? 'Write a message… (Enter to send, Shift+Enter for a new line)' : 'Choose an API key first'}
                  value={text}
                  disabled={!key}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={onKeyDown}
                />
                <div className="inline">
                  {chat.busy ? (
                    <button type="button" className="button button-secondary" onClick={chat.stop}>
                      Stop
                    </button>
                  ) : (
                    <button type="submit" className="button button-primary" disabled={!key || !text.trim()}>
                      Send
                    </button>
                  )}
                  <button type="button" className="button button-ghost" onClick={chat.clear} disabled={chat.busy || chat.turns.length === 0}>
                    Clear chat
                  </button>
                </div>
              </form>
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
