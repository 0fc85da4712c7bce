/** `GET /v1beta/models`. The mock answers any model name; this list only names the usual ones. */
import type { MockRoute } from '../route';
import { geminiFormat } from './format';

const GENERATE = ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'];
const EMBED = ['embedContent', 'countTextTokens', 'countTokens'];

const MODELS = [
  { id: 'gemini-2.5-pro', displayName: 'Gemini 2.5 Pro', methods: GENERATE, input: 1_048_576, output: 65_536, thinking: true },
  { id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', methods: GENERATE, input: 1_048_576, output: 65_536, thinking: true },
  { id: 'gemini-2.0-flash', displayName: 'Gemini 2.0 Flash', methods: GENERATE, input: 1_048_576, output: 8_192, thinking: false },
  { id: 'gemini-embedding-001', displayName: 'Gemini Embedding 001', methods: EMBED, input: 2_048, output: 1, thinking: false },
];

const body = {
  models: MODELS.map((model) => ({
    name: `models/${model.id}`,
    version: '001',
    displayName: model.displayName,
    description: `${model.displayName} (mock-provider)`,
    inputTokenLimit: model.input,
    outputTokenLimit: model.output,
    supportedGenerationMethods: model.methods,
    ...(model.methods === GENERATE ? { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 } : {}),
    ...(model.thinking ? { thinking: true } : {}),
  })),
};

export const geminiModelsRoute: MockRoute = {
  method: 'GET',
  path: '/v1beta/models',
  format: geminiFormat,
  respond: () => ({ json: body }),
};
