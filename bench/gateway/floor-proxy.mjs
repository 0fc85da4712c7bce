// The floor: the least a Node gateway built on Fastify and undici can add. It forwards the JSON body to the
// upstream named by the x-floor-upstream header and relays the answer after parsing and re-serialising it
// (any gateway rewrites at least the model name), or, for a stream, pipes the upstream's bytes through
// unread; no auth, limits, billing, routing or recording. The report compares ours and the peer with it, so
// a target below what Node itself costs here shows as such.
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';
import { Pool } from 'undici';

const fastify = Fastify({ bodyLimit: 20 * 1024 * 1024 });

// No cap on connections per origin, as in the gateway: a cap would queue streams behind one another.
const pools = new Map();
const poolFor = (origin) => pools.get(origin) ?? pools.set(origin, new Pool(origin)).get(origin);

fastify.post('/v1/chat/completions', async (request, reply) => {
  const upstream = await poolFor(request.headers['x-floor-upstream']).request({
    path: '/v1/chat/completions', method: 'POST', body: JSON.stringify(request.body),
    headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
  });
  if (request.body.stream === true) {
    reply.hijack();
    reply.raw.writeHead(upstream.statusCode, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    await pipeline(upstream.body, reply.raw).catch(() => reply.raw.destroy());
    return;
  }
  const answer = JSON.parse(await upstream.body.text());
  return reply.status(upstream.statusCode).header('content-type', 'application/json').send(JSON.stringify({ ...answer, model: request.body.model }));
});

const port = Number(process.argv[2]);
await fastify.listen({ port, host: '127.0.0.1' });
