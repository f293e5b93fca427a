/**
 * Counts the PostgreSQL statements the load bench's server sends, by the kind of request that
 * sent them (bench/load.bench.ts --statements): every statement is a round trip and a turn of the
 * server's event loop, so the statements a submission or a case action takes are what its latency
 * under load grows with. Work a request starts and does not wait for (the audit chain's sealing
 * run after its commit) is counted with the request that started it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'node:http';
import { pgDriver } from '../src/db/pg-module.ts';

export type RequestKind = 'portal' | 'search' | 'submit' | 'case_action' | 'other';

/** The load bench's kinds of operation, by request (a clerk's registration opens a case_action run). */
export function kindOf(method: string, url: string): RequestKind {
  if (method === 'POST' && url.startsWith('/ysqgk/')) return 'submit';
  if (method === 'POST' && /^\/api\/v1\/applications(\/\d+\/actions\/\w+)?$/.test(url)) return 'case_action';
  if (method === 'GET' && url.startsWith('/search')) return 'search';
  if (method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/healthz')) return 'portal';
  return 'other';
}

/** Statements by kind, and by kind and statement (its first words, parameters aside). */
export interface StatementCounts { byKind: Record<string, number>; byStatement: Record<string, number> }

const shape = (text: string) => text.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').slice(0, 90);

export function countStatements(server: Server): () => StatementCounts {
  const store = new AsyncLocalStorage<RequestKind>();
  const counts: StatementCounts = { byKind: {}, byStatement: {} };
  const client = pgDriver().Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const kind = store.getStore() ?? 'other';
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '?');
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
    const key = `${kind}\t${shape(text)}`;
    counts.byStatement[key] = (counts.byStatement[key] ?? 0) + 1;
    return query.apply(this, args);
  };
  const listeners = server.listeners('request') as Array<(...a: unknown[]) => void>;
  server.removeAllListeners('request');
  for (const listener of listeners) {
    server.on('request', (req: { method?: string; url?: string }, ...rest: unknown[]) => store.run(kindOf(req.method ?? '', req.url ?? ''), () => listener(req, ...rest)));
  }
  return () => structuredClone(counts);
}
