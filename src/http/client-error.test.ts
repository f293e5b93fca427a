/**
 * Requests the HTTP parser refuses (a 30 KB search in the address, a malformed request line) are
 * answered like every other error: a Chinese page for people, the stable error shape for programs,
 * the usual security headers; the server keeps answering afterwards.
 */
import { it, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, listenTestApp, type TestApp } from './test-app.ts';
import { isApiPacket, refusalOf } from './client-error.ts';

/** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
function rawExchange(base: string, request: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('requests refused by the HTTP parser', () => {
  let db: TestDatabase;
  let a: TestApp;
  let base: string;
  before(async () => {
    db = await openTestDatabase('sqlite');
    a = await createTestApp(db);
    base = await listenTestApp(a);
  });
  after(async () => {
    await a.app.close();
    await db.close();
  });

  it('answers a 30 KB search address on the portal with a Chinese 431 page', async () => {
    const res = await fetch(`${base}/search?q=${encodeURIComponent('公开'.repeat(5000))}`);
    assert.equal(res.status, 431);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    const page = await res.text();
    assert.match(page, /<h1 id="error-title">请求地址过长<\/h1>/);
    assert.match(page, /请求地址或请求头过长/);
    assert.match(page, /错误代码：431/);
    assert.doesNotMatch(page, /Exceeded maximum|Client Error/);
  });

  it('answers the API with the stable error shape', async () => {
    const res = await fetch(`${base}/api/v1/search?q=${'a'.repeat(30_000)}`);
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), {
      error: { code: 'request.header_too_large', message: refusalOf('HPE_HEADER_OVERFLOW').message },
    });
  });

  it('answers a malformed request line with 400 in Chinese, and keeps serving', async () => {
    const answer = await rawExchange(base, 'GET /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(answer, /"code":"request\.malformed"/);
    assert.match(answer, /请求格式不正确/);
    const garbage = await rawExchange(base, 'NOT A REQUEST\0\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*content-type: text\/html; charset=utf-8/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('tells an API request from the first bytes of its request line', () => {
    assert.equal(isApiPacket(Buffer.from('GET /api/v1/search?q=x HTTP/1.1')), true);
    assert.equal(isApiPacket(Buffer.from('DELETE /api/v1/x')), true);
    assert.equal(isApiPacket(Buffer.from('GET /search?q=/api/ HTTP/1.1')), false);
    assert.equal(isApiPacket(undefined), false);
    assert.equal(refusalOf('HPE_INVALID_METHOD').status, 400);
    assert.equal(refusalOf('ERR_HTTP_REQUEST_TIMEOUT').status, 408);
  });
});
