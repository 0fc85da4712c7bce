import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/** What an OpenAI client relies on, whichever family served the answer. */
const usageShape = z.object({ prompt_tokens: z.number().int().min(1), completion_tokens: z.number().int().min(1), total_tokens: z.number().int() });
const completionShape = z.object({
  id: z.string().min(1),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string().min(1),
  choices: z.array(z.object({
    index: z.number().int(),
    message: z.object({ role: z.literal('assistant'), content: z.string().nullable() }),
    finish_reason: z.enum(['stop', 'length', 'tool_calls', 'content_filter']),
  })).min(1),
  usage: usageShape,
});
const chunkShape = z.object({ id: z.string().min(1), object: z.literal('chat.completion.chunk'), created: z.number().int(), model: z.string(), choices: z.array(z.unknown()) });

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

describe('every provider family answers the official openai SDK in the same shape', () => {
  let t: TestApp;
  let client: OpenAI;
  let admin: AdminClient;
  const accounts = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    client = new OpenAI({ apiKey: t.credentials.demoApiKey!, baseURL: `${t.url}/v1`, maxRetries: 0 });
    admin = new AdminClient(t.url, await t.ownerToken());
    const orgId = t.credentials.demoOrgId!;
    for (const a of await admin.call<{ id: string; name: string }[]>('GET', `/api/orgs/${orgId}/provider-accounts`)) accounts.set(a.name, a.id);
    const publish = (name: string, account: string, upstreamModel: string) =>
      admin.createModel(orgId, name, [{ providerAccountId: accounts.get(account)!, upstreamModel }]);
    await publish('gemini-embed', 'demo-gemini', 'mock-text-embedding-004');
    await publish('bedrock-embed', 'demo-bedrock', 'amazon.titan-embed-text-v2:0');
    await publish('azure-embed', 'demo-azure', 'mock-embedding-deployment');
    await publish('azure-image', 'demo-azure', 'mock-image-deployment');
  });
  afterAll(() => t?.close());

  const chatModels = ['demo-chat', 'demo-claude', 'demo-gemini', 'demo-bedrock', 'demo-azure'];

  describe.each(chatModels)('%s', (model) => {
    it('chat', async () => {
      const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello' }] });
      completionShape.parse(completion);
      expect(completion.choices[0]!.message.content).toBeTruthy();
    });

    it('stream with usage', async () => {
      const stream = await client.chat.completions.create({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Tell me a story' }] });
      let text = '';
      let usage: unknown;
      let finish: string | null = null;
      for await (const chunk of stream) {
        chunkShape.parse(chunk);
        text += chunk.choices[0]?.delta.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(text.length).toBeGreaterThan(0);
      expect(finish).toBe('stop');
      usageShape.parse(usage);
    });

    it('streamed tool call', async () => {
      const final = await client.chat.completions
        .stream({ model, tools: [weatherTool], tool_choice: 'required', messages: [{ role: 'user', content: 'Weather in Oslo?' }] })
        .finalChatCompletion();
      const call = final.choices[0]!.message.tool_calls![0]!;
      if (call.type !== 'function') throw new Error('expected a function call');
      expect(call.id).toBeTruthy();
      expect(call.function.name).toBe('get_weather');
      expect(JSON.parse(call.function.arguments)).toHaveProperty('city');
      expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    });
  });

  it.each(['demo-embed', 'gemini-embed', 'bedrock-embed', 'azure-embed'])('%s embeddings (float and base64)', async (model) => {
    const asBase64 = await client.embeddings.create({ model, input: 'hello world' });
    const asFloat = await client.embeddings.create({ model, input: 'hello world', encoding_format: 'float' });
    expect(asBase64.object).toBe('list');
    expect(asBase64.data[0]!.embedding.length).toBeGreaterThan(0);
    expect(asFloat.data[0]!.embedding).toHaveLength(asBase64.data[0]!.embedding.length);
    asFloat.data[0]!.embedding.forEach((v, i) => expect(v).toBeCloseTo(asBase64.data[0]!.embedding[i]!, 5));
  });

  it.each(['demo-image', 'azure-image'])('%s generates and edits images', async (model) => {
    const generated = await client.images.generate({ model, prompt: 'a lighthouse at dusk', response_format: 'b64_json', n: 2 });
    expect(generated.data).toHaveLength(2);
    expect(Buffer.from(generated.data![0]!.b64_json!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const edited = await client.images.edit({ model, prompt: 'add a boat', image: await toFile(TINY_PNG, 'scene.png', { type: 'image/png' }), response_format: 'b64_json' });
    expect(edited.data![0]!.b64_json).toBeTruthy();
  });

  it('imports a vendor model list', async () => {
    const orgId = t.credentials.demoOrgId!;
    const account = accounts.get('demo-openai')!;
    const { models } = await admin.call<{ models: string[] }>('GET', `/api/orgs/${orgId}/provider-accounts/${account}/upstream-models`);
    expect(models.length).toBeGreaterThan(0);
    const result = await admin.call<{ created: string[] }>('POST', `/api/orgs/${orgId}/provider-accounts/${account}/import-models`, { models: [models[0]!] });
    expect(result.created).toEqual([models[0]]);
    const completion = await client.chat.completions.create({ model: models[0]!, messages: [{ role: 'user', content: 'hi' }] });
    completionShape.parse(completion);
  });
});
