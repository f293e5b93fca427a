import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pictureAttachmentId, picturesForPortal } from './pictures.rules.ts';

describe('pictures in an item body', () => {
  it('points pictures saved with the download address at the picture address, and nothing else', () => {
    const body = '<p>示意图：</p><p><img src="/xxgk/fj/12" alt="区位图" /><img alt="旧" src="/xxgk/fj/7"></p>'
      + '<p><a href="/xxgk/fj/12">下载原图</a></p><p><img src="/xxgk/tp/3" alt="新"><img src="https://www.gov.cn/a.png" alt="外"></p>'
      + '<p>/xxgk/fj/9 in text, <img src="/xxgk/fj/12x" alt="坏"></p>';
    assert.equal(picturesForPortal(body),
      '<p>示意图：</p><p><img src="/xxgk/tp/12" alt="区位图" /><img alt="旧" src="/xxgk/tp/7"></p>'
      + '<p><a href="/xxgk/fj/12">下载原图</a></p><p><img src="/xxgk/tp/3" alt="新"><img src="https://www.gov.cn/a.png" alt="外"></p>'
      + '<p>/xxgk/fj/9 in text, <img src="/xxgk/fj/12x" alt="坏"></p>');
  });

  it('knows an attachment picture by either address', () => {
    assert.equal(pictureAttachmentId('/xxgk/tp/5'), 5);
    assert.equal(pictureAttachmentId('/xxgk/fj/42'), 42);
    for (const other of ['/xxgk/tp/0', '/xxgk/tp/5/', 'https://x/xxgk/tp/5', '/xxgk/xx/5/', '/xxgk/tp/5?x', '']) assert.equal(pictureAttachmentId(other), null, other);
  });
});
