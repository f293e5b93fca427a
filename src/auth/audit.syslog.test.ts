/** Audit anchors reach a real syslog listener (UDP on loopback) as RFC 5424 lines. */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { lastAnchor } from './audit.anchors.ts';
import { createAuditRepository } from './audit.repository.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';

describeOnBothDatabases('audit anchors in syslog', (t) => {
  let listener: Socket;
  const received: string[] = [];
  let waiting: (() => void) | null = null;
  let a: TestApp;
  let env: Record<string, string> = {};

  before(async () => {
    listener = createSocket('udp4');
    listener.on('message', (m) => {
      received.push(m.toString('utf8'));
      waiting?.();
    });
    await new Promise<void>((resolve) => listener.bind(0, '127.0.0.1', resolve));
    env = { AUDIT_SYSLOG: `udp://127.0.0.1:${listener.address().port}` };
  });
  after(() => listener.close());

  const nextMessage = (count: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no syslog message within 5 s')), 5_000);
      const check = () => {
        if (received.length >= count) {
          clearTimeout(timer);
          waiting = null;
          resolve(received[count - 1]!);
        }
      };
      waiting = check;
      check();
    });

  it('the server sends the head it anchors (count and hash) when it stops', async () => {
    a = await createTestApp(t(), undefined, { env });
    await a.login('admin');
    await a.app.close();
    const anchor = lastAnchor(a.deps.config.auditAnchorFile, a.deps.config.auditKey)!;
    const line = await nextMessage(1);
    assert.match(line, /^<85>1 \d{4}-\d\d-\d\dT[\d:.]+Z \S+ gongkai \d+ audit-anchor \[gongkaiAnchor@32473 /);
    assert.match(line, new RegExp(`count="${anchor.count}" lastId="${anchor.lastId}" head="${anchor.head}" mac="${anchor.mac}"`));
    assert.match(line, new RegExp(`audit anchor count=${anchor.count} lastId=${anchor.lastId} head=${anchor.head}$`));
  });

  it('gongkai audit anchor sends the new head too', async () => {
    await createAuditRepository(a.deps).append({ action: 'test.syslog' }, new Date());
    const c = recordingIo('', { DATABASE_URL: t().url, AUDIT_KEY: a.deps.config.auditKey, AUDIT_ANCHOR_FILE: a.deps.config.auditAnchorFile, ...env });
    assert.equal(await main(['audit', 'anchor'], c.io), 0, c.out.join('\n'));
    const anchor = lastAnchor(a.deps.config.auditAnchorFile, a.deps.config.auditKey)!;
    const line = await nextMessage(2);
    assert.match(line, new RegExp(`count="${anchor.count}" .*head="${anchor.head}"`));
  });
});

it('AUDIT_SYSLOG accepts udp://host[:port] only, with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-syslog-'));
  assert.deepEqual(loadConfig({ AUDIT_SYSLOG: 'udp://logs.example.gov.cn' }, dir).auditSyslog, { host: 'logs.example.gov.cn', port: 514 });
  assert.equal(loadConfig({}, dir).auditSyslog, null);
  for (const bad of ['unix:///dev/log', 'tcp://127.0.0.1:514', '127.0.0.1']) {
    assert.throws(() => loadConfig({ AUDIT_SYSLOG: bad }, dir), (e: unknown) => e instanceof ConfigError && /AUDIT_SYSLOG/.test(e.message));
  }
});
