import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

/** The demo a newcomer gets on first start, driven by the official openai SDK. */
describe('gateway with the demo models (official openai SDK)', () => {
  let t: TestApp;
  let client: OpenAI;

  beforeAll(async () => {
    t = await startTestApp();
    client = new OpenAI({ apiKey: t.credentials.demoApiKey!, baseURL: `${t.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => t?.close());

  const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  };

  it('prints the demo credentials on first start', () => {
    expect(t.credentials.demoApiKey).toMatch(/^air-[A-Za-z0-9_-]{40,}$/);
  });

  it('lists and retrieves only the models the key can use', async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(['demo-azure', 'demo-bedrock', 'demo-chat', 'demo-claude', 'demo-embed', 'demo-gemini', 'demo-image']);
    expect((await client.models.retrieve('demo-claude')).id).toBe('demo-claude');
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  for (const model of ['demo-chat', 'demo-claude']) {
    describe(model, () => {
      it('completes a chat and says who served it', async () => {
        const { data, response } = await client.chat.completions
          .create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello there' }] })
          .withResponse();
        expect(data.object).toBe('chat.completion');
        expect(data.choices[0]!.message.content).toBeTruthy();
        expect(data.choices[0]!.finish_reason).toBe('stop');
        expect(data.usage!.prompt_tokens).toBeGreaterThan(0);
        expect(data.usage!.completion_tokens).toBeGreaterThan(0);
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('x-ai-router-provider')).toBe(model === 'demo-chat' ? 'demo-openai' : 'demo-anthropic');
        expect(response.headers.get('x-ai-router-deployment')).toBeTruthy();
      });

      it('streams with usage when asked', async () => {
        const stream = await client.chat.completions.create({
          model, stream: true, stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Tell me a story' }],
        });
        let text = '';
        let finish: string | null = null;
        let usage: OpenAI.CompletionUsage | null | undefined;
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? '';
          finish = chunk.choices[0]?.finish_reason ?? finish;
          if (chunk.usage) usage = chunk.usage;
        }
        expect(text.length).toBeGreaterThan(0);
        expect(finish).toBe('stop');
        expect(usage!.completion_tokens).toBeGreaterThan(0);
        expect(usage!.total_tokens).toBe(usage!.prompt_tokens + usage!.completion_tokens);
      });

      it('leaves the usage chunk out when not asked', async () => {
        const stream = await client.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: 'Hi' }] });
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        expect(chunks.length).toBeGreaterThan(1);
        expect(chunks.every((c) => !c.usage)).toBe(true);
        expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
      });

      it('returns a tool call', async () => {
        const completion = await client.chat.completions.create({
          model, tools: [weatherTool], tool_choice: 'auto',
          messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
        });
        const call = completion.choices[0]!.message.tool_calls![0]!;
        expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
        expect(call.type).toBe('function');
        if (call.type !== 'function') throw new Error('expected a function call');
        expect(call.function.name).toBe('get_weather');
        expect(JSON.parse(call.function.arguments)).toHaveProperty('city');
      });

      it('streams tool-call deltas that assemble into valid arguments', async () => {
        const stream = client.chat.completions.stream({
          model, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } },
          messages: [{ role: 'user', content: 'Weather in Tokyo?' }],
        });
        const final = await stream.finalChatCompletion();
        const call = final.choices[0]!.message.tool_calls![0]!;
        if (call.type !== 'function') throw new Error('expected a function call');
        expect(call.id).toBeTruthy();
        expect(call.function.name).toBe('get_weather');
        expect(JSON.parse(call.function.arguments)).toHaveProperty('city');
        expect(final.choices[0]!.finish_reason).toBe('tool_calls');
      });

      it('accepts image content parts', async () => {
        const completion = await client.chat.completions.create({
          model,
          messages: [{
            role: 'user',
            content: [
              { type: 'text', text: 'What is in this image?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' } },
            ],
          }],
        });
        expect(completion.choices[0]!.message.content).toBeTruthy();
      });
    });
  }

  it('creates embeddings (the SDK asks for base64 by default)', async () => {
    const result = await client.embeddings.create({ model: 'demo-embed', input: ['first text', 'second text'] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding.length).toBeGreaterThan(0);
    expect(result.data[0]!.embedding.every((v) => Number.isFinite(v))).toBe(true);
    expect(result.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('serves the legacy completions endpoint', async () => {
    const result = await client.completions.create({ model: 'demo-chat', prompt: 'Say hi', max_tokens: 20 });
    expect(result.choices[0]!.text).toBeTruthy();
  });

  it('rejects a bad key, an unknown model and an invalid body the way the SDK expects', async () => {
    const bad = new OpenAI({ apiKey: 'air-not-a-real-key', baseURL: `${t.url}/v1`, maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: 'demo-chat', messages: [{ role: 'user', content: 'x' }] }))
      .rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.chat.completions.create({ model: 'gpt-99', messages: [{ role: 'user', content: 'x' }] }))
      .rejects.toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    await expect(client.chat.completions.create({ model: 'demo-chat', temperature: 5, messages: [{ role: 'user', content: 'x' }] }))
      .rejects.toMatchObject({ status: 400, param: 'temperature', type: 'invalid_request_error' });
  });
});
