import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress, looksLikeListPage, looksLikeReport, pageLinks, parseRobots, scriptedListPages } from './reportcheck.crawl.rules.ts';

const allows = (robots: string, path: string) => parseRobots(robots).allows(new URL(path, 'http://gov.example'));

describe('robots.txt (RFC 9309)', () => {
  it('applies the group naming Gongkai instead of *, longest rule first, Allow on a tie', () => {
    const text = 'User-agent: *\nDisallow: /\n\nUser-agent: gongkai\nUser-agent: OtherBot\nDisallow: /private/\nAllow: /private/nj/\n';
    assert.equal(allows(text, '/nj/index.html'), true);
    assert.equal(allows(text, '/private/x.html'), false);
    assert.equal(allows(text, '/private/nj/2023.html'), true);
    assert.equal(allows('User-agent: *\nDisallow: /a\nAllow: /a\n', '/a/b'), true);
  });

  it('reads * and $ patterns, comments, and allows what no rule names', () => {
    const text = '# site\nUser-agent: *   # all\nDisallow: /*.pdf$\nDisallow: /search?\nDisallow:\n';
    assert.equal(allows(text, '/nj/2023.pdf'), false);
    assert.equal(allows(text, '/nj/2023.pdf?x=1'), true);
    assert.equal(allows(text, '/search?q=年报'), false);
    assert.equal(allows(text, '/nj/'), true);
    assert.equal(allows('', '/anything'), true);
  });
});

describe('links of a 年报 column', () => {
  const html = `<base href="http://gov.example/col/"><a href="t1.html">某县人民政府2023年政府信息公开工作年度报告</a>
    <a href="t2.html" title="2022年年报">更多</a><a href="a.pdf">2023年年度报告.pdf</a><a href="mailto:x@y">2023年年报</a>
    <a href="javascript:go()">下一页</a><a href="index_2.html">3</a><a href="/">首页</a><a href="t3.html">工作动态</a>`;
  const links = pageLinks(html, 'http://gov.example/col/index.html');

  it('finds reports by a title naming 年度报告/年报 and a year, and never a non-web link', () => {
    assert.deepEqual(links.filter(looksLikeReport).map((l) => l.url), ['http://gov.example/col/t1.html', 'http://gov.example/col/t2.html']);
    assert.ok(!links.some((l) => !/^https?:/.test(l.url)));
  });

  it('follows list pages within the column’s folder only', () => {
    const column = 'http://gov.example/col/index.html';
    assert.deepEqual(links.filter((l) => looksLikeListPage(l, column)).map((l) => l.url), ['http://gov.example/col/index_2.html']);
    assert.deepEqual(scriptedListPages('<script>createPageHTML(3, 0, "index", "shtml");</script>', 'http://gov.example/col/index.shtml'), [
      'http://gov.example/col/index_1.shtml',
      'http://gov.example/col/index_2.shtml',
    ]);
  });
});

describe('addresses a crawl does not reach by default', () => {
  it('names loopback, private, link-local and unique-local addresses, not public ones', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      assert.equal(isPrivateAddress(a), true, a);
    }
    for (const a of ['202.96.128.86', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(a), false, a);
  });
});
