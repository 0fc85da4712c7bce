import { requestLogQuerySchema } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { toQuery } from './use-request-logs';

describe('request log query', () => {
  const none = { apiKeyId: '', model: '', status: '', period: 'any' };

  it('sends only the filters that are set, in a form the API schema accepts', () => {
    expect(toQuery(none, 50, null).toString()).toBe('limit=50');
    const now = Date.parse('2026-11-23T10:00:00Z');
    const query = toQuery({ apiKeyId: '0c33b113-5517-4084-8a61-32fef86d6a0c', model: 'gpt-4o', status: '5xx', period: '1h' }, 25, 'abc', now);
    expect(Object.fromEntries(query)).toEqual({
      limit: '25', apiKeyId: '0c33b113-5517-4084-8a61-32fef86d6a0c', model: 'gpt-4o', status: '5xx', from: '2026-11-23T09:00:00.000Z', cursor: 'abc',
    });
    expect(requestLogQuerySchema.safeParse(Object.fromEntries(query)).success).toBe(true);
  });
});
