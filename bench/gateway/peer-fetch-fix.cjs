// Preloaded into the peer (@portkey-ai/gateway) only. Portkey appends x-portkey-* headers to the upstream
// fetch() Response; on Node with @hono/node-server's lightweight Response those are the immutable headers of
// the fetch result, so every streaming request fails with "TypeError: immutable" (Portkey-AI/gateway #1389,
// #1550). Re-wrapping each upstream response with copied headers is the fix of Portkey PR #1551, applied
// outside its bundle; it costs the peer one extra object per request, so it never flatters the peer.
const upstreamFetch = globalThis.fetch;
const FetchResponse = globalThis.Response;
globalThis.fetch = async (...args) => {
  const res = await upstreamFetch(...args);
  return new FetchResponse(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
};
