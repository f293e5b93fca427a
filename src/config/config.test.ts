import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite under ./data and keeps a generated session secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-config-'));
    const a = loadConfig({}, dir);
    assert.equal(a.databaseUrl, `sqlite:${join(dir, 'data', 'gongkai.db')}`);
    assert.equal(a.port, 3000);
    assert.equal(a.site.bodyCode, 'shilong');
    assert.equal(a.site.bodyName, '石龙区人民政府');
    assert.equal(readFileSync(join(dir, 'data', 'session-secret'), 'utf8').trim(), a.sessionSecret);
    assert.equal(loadConfig({}, dir).sessionSecret, a.sessionSecret);
  });

  it('lists every problem at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-config-'));
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc', SESSION_SECRET: 'short', LOG_LEVEL: 'loud' }, dir),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.problems.length, 4, e.problems.join('\n'));
        assert.match(e.message, /DATABASE_URL/);
        return true;
      },
    );
  });

  it('accepts a PostgreSQL URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-config-'));
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }, dir).databaseUrl, 'postgres://u@localhost/db');
  });

  it('reads SITE_URL and TRUST_PROXY, and refuses values that would trust anyone or carry a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-config-'));
    const plain = loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, dir);
    assert.equal(plain.siteUrl, 'http://localhost:8080');
    assert.equal(plain.trustProxy, false);
    const behind = loadConfig({ SITE_URL: 'https://gk.example.gov.cn/', TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }, dir);
    assert.equal(behind.siteUrl, 'https://gk.example.gov.cn');
    assert.deepEqual(behind.trustProxy, ['127.0.0.1', '10.0.0.0/8']);
    for (const trustAnyone of ['true', '2']) {
      assert.throws(
        () => loadConfig({ SITE_URL: 'https://gk.example.gov.cn/portal?x=1', TRUST_PROXY: trustAnyone }, dir),
        (e: unknown) => e instanceof ConfigError && e.problems.length === 2 && /SITE_URL/.test(e.message) && /TRUST_PROXY/.test(e.message),
      );
    }
  });
});
