/**
 * Requests Node's HTTP parser refuses before Fastify sees a request: a request line and headers
 * over 16 KB (a search of a pasted document, an oversized cookie), a malformed request, a client
 * too slow to send its headers. Fastify's own answer is English JSON to everyone; ours is the same
 * as every other error (DESIGN: errors): a Chinese page for people, `{ error: { code, message } }`
 * for programs, with the headers every answer carries. Whether the request was for the API is read
 * from the bytes the parser was given, the only trace of the request there is.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { renderErrorPage } from '../portal/error-page.ts';
import type { SiteConfig } from '../config/config.ts';
import { DEFAULT_HTML_CSP, EVERY_ANSWER_HEADERS } from './security-headers.ts';

interface ParserError extends Error {
  code?: string;
  /** The bytes the parser was given (a Buffer at run time, whatever the declared type). */
  rawPacket?: unknown;
}

interface Refusal {
  status: number;
  reason: string;
  code: string;
  message: string;
}

/** Pure: what the parser's error means for the client. */
export function refusalOf(code: string | undefined): Refusal {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: 'request.header_too_large',
      message: '请求地址或请求头过长（合计不能超过 16 KB）。搜索时请缩短检索词后重试。',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, reason: 'Request Timeout', code: 'request.timeout', message: '请求发送超时，请稍后重试。' };
  }
  return { status: 400, reason: 'Bad Request', code: 'request.malformed', message: '请求格式不正确，无法处理。' };
}

/** Pure: the request line the parser was given begins with a method and an /api/ path. */
export function isApiPacket(raw: unknown): boolean {
  return Buffer.isBuffer(raw) && /^[A-Z]{3,7} \/api\//.test(raw.subarray(0, 16).toString('latin1'));
}

/** Fastify calls it bound to the instance, so `this.log` is the server's logger. */
export function clientErrorHandler(site: SiteConfig) {
  return function answerClientError(this: FastifyInstance, err: ParserError, socket: Socket): void {
    // A reset connection has no one left to answer.
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const refusal = refusalOf(err.code);
    // Debug only: anyone can send these, and a log line each would let them fill the disk.
    this.log.debug({ code: err.code, status: refusal.status }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const api = isApiPacket(err.rawPacket);
      const body = api
        ? JSON.stringify({ error: { code: refusal.code, message: refusal.message } })
        : renderErrorPage(site, refusal.status, refusal.message);
      const headers = [
        `HTTP/1.1 ${refusal.status} ${refusal.reason}`,
        `content-type: ${api ? 'application/json' : 'text/html'}; charset=utf-8`,
        `content-length: ${Buffer.byteLength(body)}`,
        'connection: close',
        ...Object.entries(EVERY_ANSWER_HEADERS).map(([name, value]) => `${name}: ${value}`),
        'cache-control: no-store',
        ...(api ? [] : [`content-security-policy: ${DEFAULT_HTML_CSP}`]),
      ];
      socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy(err);
  };
}
