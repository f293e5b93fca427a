import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bypassesProxy, decodePage, headerCharset, metaCharset, proxyEnv, proxyFor } from './reportcheck.fetch.rules.ts';

describe('charset of a fetched page', () => {
  it('takes the header first, then the page’s meta, and reads GBK and GB2312 as GB18030', () => {
    assert.equal(headerCharset('text/html; charset=GBK'), 'gb18030');
    assert.equal(headerCharset('text/html;charset="gb2312"'), 'gb18030');
    assert.equal(headerCharset('text/html; charset=UTF-8'), 'utf-8');
    assert.equal(headerCharset('text/html'), null);
    assert.equal(headerCharset('text/html; charset=no-such-thing'), null);
    assert.equal(metaCharset(new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'gb18030');
    assert.equal(metaCharset(new TextEncoder().encode('<meta charset=big5>')), 'big5');
    // 政府 in GBK: D5 FE B8 AE.
    const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd5, 0xfe, 0xb8, 0xae]);
    assert.equal(decodePage(gbk, 'text/html; charset=gbk'), '<p>政府');
    // Cut inside a character of a page declared UTF-8: what came before reads whole.
    const cut = new TextEncoder().encode('年度报告').subarray(0, 10);
    assert.equal(decodePage(cut, 'text/html; charset=utf-8'), '年度报\uFFFD');
  });
});

describe('proxy settings', () => {
  const env = proxyEnv({ HTTPS_PROXY: 'http://user:p%40ss@proxy.example:3128', http_proxy: 'proxy.example:8080', NO_PROXY: 'localhost, .gov.internal,10.1.2.3, example.org:8443' });

  it('picks the proxy by scheme, lower case first, and adds http:// to a bare host', () => {
    assert.equal(proxyFor(new URL('https://www.gov.cn/'), env)?.href, 'http://user:p%40ss@proxy.example:3128/');
    assert.equal(proxyFor(new URL('http://www.gov.cn/'), env)?.host, 'proxy.example:8080');
    assert.equal(proxyFor(new URL('http://www.gov.cn/'), proxyEnv({})), null);
  });

  it('goes direct for NO_PROXY hosts, domains, addresses and ports', () => {
    assert.equal(bypassesProxy(new URL('http://localhost:3000/'), env.noProxy), true);
    assert.equal(bypassesProxy(new URL('https://a.gov.internal/'), env.noProxy), true);
    assert.equal(bypassesProxy(new URL('https://gov.internal/'), env.noProxy), true);
    assert.equal(bypassesProxy(new URL('http://10.1.2.3/'), env.noProxy), true);
    assert.equal(bypassesProxy(new URL('https://example.org:8443/'), env.noProxy), true);
    assert.equal(bypassesProxy(new URL('https://example.org/'), env.noProxy), false);
    assert.equal(bypassesProxy(new URL('https://notgov.internal/'), env.noProxy), false);
    assert.equal(bypassesProxy(new URL('https://www.gov.cn/'), '*'), true);
  });

  it('refuses proxies other than http://', () => {
    assert.throws(() => proxyFor(new URL('https://www.gov.cn/'), proxyEnv({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' })), /只支持 http:\/\/ 代理/);
  });
});
