import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sameOriginPath } from './safe-redirect.rules.ts';

describe('a11y back link (issue: security, item 9)', () => {
  it('keeps same-site paths and sends every other host home', () => {
    assert.equal(sameOriginPath('/xxgk/zn/?page=2'), '/xxgk/zn/?page=2');
    for (const evil of ['//evil.example/', '/\\evil.example/', '/\\/evil.example', 'https://evil.example/', '/%5C/evil', ' /x', undefined]) {
      const out = sameOriginPath(evil);
      assert.ok(out === '/' || (out.startsWith('/') && !out.startsWith('//') && !out.includes('\\')), String(evil));
      assert.ok(!out.includes('evil.example') || out.startsWith('/%'), `${String(evil)} -> ${out}`);
    }
    assert.equal(sameOriginPath('/\\evil.example/'), '/');
  });
  it('never returns a character a header cannot hold', () => {
    assert.equal(sameOriginPath('/\n'), '/');
    assert.equal(sameOriginPath('/xxgk/公开'), '/xxgk/%E5%85%AC%E5%BC%80');
  });
});

describe('/a11y over HTTP', () => {
  it('answers /%5Cevil.example/ and a Chinese back with a same-site 303, not a 500', async () => {
    const { createServer } = await import('../http/server.ts');
    const { loadConfig } = await import('../config/config.ts');
    const { openDatabase } = await import('../db/dialect.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { fixedClock } = await import('../shared/clock.ts');
    const dir = mkdtempSync(join(tmpdir(), 'gk-a11y-'));
    const config = loadConfig({ GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent' }, dir);
    const db = openDatabase(config.databaseUrl);
    const app = await createServer({ config, db, clock: fixedClock('2026-03-02T02:00:00Z') }, { logger: false });
    try {
      for (const back of ['/%5Cevil.example/', '/%0a', '/公开', '//evil.example']) {
        const res = await app.inject({ method: 'GET', url: `/a11y?large=1&back=${encodeURIComponent(decodeURIComponent(back))}` });
        assert.equal(res.statusCode, 303, back);
        assert.ok(String(res.headers.location).startsWith('/') && !/^\/[\\/]/.test(String(res.headers.location)), `${back} -> ${String(res.headers.location)}`);
      }
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
