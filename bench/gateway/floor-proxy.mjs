// The floor: the least a Node gateway built on Fastify and undici can add. It forwards the JSON body to the
// upstream named by the x-floor-upstream header and relays the answer after parsing and re-serialising it
// (any gateway rewrites at least the model name), with no auth, limits, billing, routing or recording.
// The report compares ours and the peer with it, so a target below what Node itself costs here shows as such.
import Fastify from 'fastify';
import { Pool } from 'undici';

const fastify = Fastify({ bodyLimit: 20 * 1024 * 1024 });

const pools = new Map();
const poolFor = (origin) => pools.get(origin) ?? pools.set(origin, new Pool(origin, { connections: 256 })).get(origin);

fastify.post('/v1/chat/completions', async (request, reply) => {
  const upstream = await poolFor(request.headers['x-floor-upstream']).request({
    path: '/v1/chat/completions', method: 'POST', body: JSON.stringify(request.body),
    headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
  });
  const answer = JSON.parse(await upstream.body.text());
  return reply.status(upstream.statusCode).header('content-type', 'application/json').send(JSON.stringify({ ...answer, model: request.body.model }));
});

const port = Number(process.argv[2]);
await fastify.listen({ port, host: '127.0.0.1' });
