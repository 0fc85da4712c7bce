/** Test helpers: JSON requests and SSE parsing over real HTTP. */

export const ANTHROPIC_HEADERS = { 'anthropic-version': '2023-06-01', 'x-api-key': 'test-key' };

export function post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

export interface SseFrame {
  event?: string;
  data: string;
}

export function parseSse(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    const frame: SseFrame = { data: '' };
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) frame.event = line.slice(7);
      else if (line.startsWith('data: ')) frame.data += line.slice(6);
    }
    frames.push(frame);
  }
  return frames;
}

/** The JSON payloads of the data frames, `[DONE]` kept as the string. */
export function dataOf(frames: SseFrame[]): any[] {
  return frames.map((frame) => (frame.data === '[DONE]' ? '[DONE]' : JSON.parse(frame.data)));
}

/** Reads a body to its end or to a transport error, returning what arrived before it. */
export async function readAll(response: Response): Promise<{ text: string; error?: unknown }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

export async function sse(response: Response): Promise<SseFrame[]> {
  return parseSse(await response.text());
}

/** The parsed JSON body, typed loosely for assertions. */
export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

/**
 * Headers shaped like an AWS SigV4 signature (the mock checks the shape, not the signature).
 * `date` is YYYYMMDD; the signature is any 64 hex digits.
 */
export function sigv4Headers(region = 'us-east-1', date = '20250102', accessKeyId = 'AKIDEXAMPLE'): Record<string, string> {
  return {
    authorization:
      `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date}/${region}/bedrock/aws4_request, ` +
      `SignedHeaders=content-type;host;x-amz-date, Signature=${'ab12'.repeat(16)}`,
    'x-amz-date': `${date}T101112Z`,
  };
}
