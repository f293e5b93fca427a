/** The request log: one line per answered request, holding what Fastify's two lines held. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { OneLineRequestLog } from './request-log.ts';

it('writes one line per request with its id, method, URL, client, status and time', async () => {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const app = Fastify({ logger: { level: 'info', stream }, logController: new OneLineRequestLog() });
  app.get('/a', async () => ({ ok: true }));
  app.get('/boom', async () => { throw new Error('boom'); });
  await app.inject({ method: 'GET', url: '/a?x=1', headers: { host: 'example.cn' } });
  await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  const requests = lines.filter((l) => l.req || l.res);
  assert.equal(requests.filter((l) => (l.req as { url?: string } | undefined)?.url === '/a?x=1').length, 1, 'one line for the request');
  const line = requests.find((l) => (l.req as { url?: string }).url === '/a?x=1')!;
  assert.equal(line.msg, 'request completed');
  assert.deepEqual(
    { method: (line.req as Record<string, unknown>).method, host: (line.req as Record<string, unknown>).host, status: (line.res as Record<string, unknown>).statusCode },
    { method: 'GET', host: 'example.cn', status: 200 },
  );
  assert.equal(typeof line.reqId, 'string');
  assert.equal(typeof line.responseTime, 'number');
  assert.ok('remoteAddress' in (line.req as object));
  const failed = requests.filter((l) => l.msg === 'request completed' && (l.req as { url?: string } | undefined)?.url === '/boom');
  assert.deepEqual(failed.map((l) => (l.res as { statusCode?: number }).statusCode), [500], 'a failed request is logged with its status');
  assert.equal(lines.filter((l) => l.msg === 'incoming request').length, 0);
});
