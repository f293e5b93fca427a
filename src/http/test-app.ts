/**
 * Test helper: a full application (createServer) over a fresh migrated database with the demo
 * dataset, for `inject` tests. `login(username)` returns the cookie and CSRF header to send.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.ts';
import { fixedClock } from '../shared/clock.ts';
import type { AppDeps } from '../shared/deps.ts';
import { seedDemo, type DemoCredentials } from '../demo/demo.seed.ts';
import { createServer, type ServerOptions } from './server.ts';
import type { TestDatabase } from '../db/test-databases.ts';
import { useAuditKey } from '../auth/audit.chain.ts';
import { usePasswordCost } from '../auth/password.hash.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';

/** scrypt cost of test apps: 1/24 of the production work, still real scrypt. */
export const TEST_SCRYPT = '4096,8,1';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps & { clock: ReturnType<typeof fixedClock> };
  credentials: DemoCredentials[];
  password(username: string): string;
  login(username: string): Promise<{ cookie: string; headers: Record<string, string> }>;
  /** Every account's id by username (the demo's and any a test added). */
  userIds(): Promise<Map<string, number>>;
}

export interface TestAppOptions {
  /** Extra configuration variables, as an operator would set them. */
  env?: Record<string, string>;
  server?: ServerOptions;
}

export async function createTestApp(t: TestDatabase, now = '2026-03-02T02:00:00Z', options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-app-'));
  // A low scrypt cost keeps the suite fast (production keeps OWASP's, DESIGN: security).
  const config = loadConfig({ DATABASE_URL: t.url, GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PASSWORD_SCRYPT: TEST_SCRYPT, ...options.env }, dataDir);
  const deps = { config, db: t.db, clock: fixedClock(now) };
  usePasswordCost(config.passwordScrypt);
  useAuditKey(config.auditKey); // as the server and CLI do before writing: the seed's rows are keyed too
  const credentials = (await seedDemo({ deps })) ?? [];
  // The sender loop is off: a test that sends drives `deliverDue` itself, so no pass runs under another test.
  const app = await createServer(deps, { logger: false, notifications: { pollMs: 0 }, ...options.server });
  // On PostgreSQL the cache empties itself once its listening connection is up: wait for that,
  // so that a test's own cache hits are not emptied under it.
  await app.pageCacheSharing?.ready;
  // A request's audit rows are chained into audit_log just after its answer, in the background
  // (audit.repository.ts): a test reads the log as it is once that has run.
  const audit = createAuditRepository(deps);
  await audit.sealPending();
  const inject = app.inject.bind(app);
  app.inject = (async (...args: Parameters<typeof inject>) => {
    const res = await inject(...args);
    await audit.sealPending();
    return res;
  }) as typeof app.inject;
  const password = (username: string) => {
    const c = credentials.find((x) => x.username === username);
    if (!c) throw new Error(`no demo account ${username}`);
    return c.password;
  };
  return {
    app,
    deps,
    credentials,
    password,
    async userIds() {
      return new Map((await deps.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
    },
    async login(username) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: password(username) } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
      const { csrfToken } = res.json() as { csrfToken: string };
      return { cookie: `gk_session=${cookie.value}`, headers: { cookie: `gk_session=${cookie.value}`, 'x-csrf-token': csrfToken } };
    },
  };
}

/** Starts the test app on a free loopback port, for browser tests; returns its base URL. */
export async function listenTestApp(a: TestApp): Promise<string> {
  await a.app.listen({ port: 0, host: '127.0.0.1' });
  const address = a.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
