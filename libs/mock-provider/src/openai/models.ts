/** `GET /v1/models`. The mock answers any model name; this list only names the usual demo ones. */
import type { MockRoute } from '../route';
import { openaiFormat } from './format';

const MODEL_IDS = ['gpt-4o', 'gpt-4o-mini', 'gpt-3.5-turbo-instruct', 'text-embedding-3-small', 'text-embedding-3-large'];
const CREATED = 1_700_000_000;

const body = {
  object: 'list',
  data: MODEL_IDS.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'mock-provider' })),
};

export const modelsRoute: MockRoute = {
  method: 'GET',
  path: '/v1/models',
  format: openaiFormat,
  respond: () => ({ json: body }),
};
