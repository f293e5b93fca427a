import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { cleanPastedHtml as clean, type HtmlNode } from './word-paste.rules.ts';
import { sanitizeBody } from './sanitize.ts';

// The editor hands the browser's DOMParser to the cleaner; here node-html-parser stands in.
function view(n: Node): HtmlNode {
  const el = n.nodeType === 1 ? (n as HTMLElement) : null;
  return {
    nodeType: n.nodeType,
    tag: el ? (el.rawTagName ?? '').toLowerCase() : '',
    attr: (name) => el?.getAttribute(name) ?? null,
    get children() {
      return n.childNodes.map(view);
    },
    get text() {
      return n.text;
    },
  };
}
const cleanPastedHtml = (html: string) =>
  clean(html, (source) => {
    const root = parse(source, { comment: false });
    return view(root.querySelector('body') ?? root);
  });

// What Word 2016 (Chinese) puts on the clipboard for a heading, a paragraph with a smart-tag date,
// bold and a link, an empty line, a numbered list, a bulleted list with a second level, a table
// title and a table with merged cells, and a picture.
const word = readFileSync(new URL('./fixtures/word-clipboard.html', import.meta.url), 'utf8');

describe('paste from Word/WPS, cleaned', () => {
  it('keeps the structure of a Word clipboard and nothing of its debris', () => {
    const { html, droppedImages } = cleanPastedHtml(word);
    assert.equal(
      html,
      '<h2>一、总体要求</h2>' +
        '<p>为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》，结合我区实际，制定本方案。请于2026年3月31日前报送<strong>工作总结</strong>，详见<a href="http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm">条例全文</a>。</p>' +
        '<ol><li><p>加强组织领导</p></li><li><p>落实<em>主体责任</em></p></li></ol>' +
        '<ul><li><p>主动公开</p><ul><li><p>政策解读</p></li></ul></li></ul>' +
        '<p><strong>表1\u00a0 政府信息公开申请情况</strong></p>' +
        '<table><tbody>' +
        '<tr><td rowspan="2"><p>项目</p></td><td colspan="2"><p>申请人情况</p></td></tr>' +
        '<tr><td><p>自然人</p></td><td><p>法人或其他组织</p></td></tr>' +
        '<tr><td><p>本年新收申请数量</p></td><td><p>8</p></td><td><p>1</p></td></tr>' +
        '</tbody></table>' +
        '<p>石龙区人民政府办公室</p>',
    );
    assert.equal(droppedImages, 1, 'the picture pointing at the author\'s disk is counted, not kept');
    for (const debris of ['mso-', 'class=', 'style=', '<o:p', '<span', '<font', '<!--', '<![', 'file:', 'Msonormal', '<st1']) {
      assert.ok(!html.toLowerCase().includes(debris.toLowerCase()), `no ${debris}`);
    }
    // What the server's sanitizer keeps of it is the same: nothing it would remove is left.
    assert.equal(sanitizeBody(html), html);
  });

  it('a line end inside Chinese text is no space; between Latin words it is one', () => {
    const { html } = cleanPastedHtml('<p class=MsoNormal><span>依申请公开\n工作 in\nfull</span></p>');
    assert.equal(html, '<p>依申请公开工作 in full</p>');
  });

  it('WPS marks bold and italic by style; empty spans and empty paragraphs go', () => {
    const wps =
      '<html><body><!--StartFragment--><p class="p" style="text-indent:2em;mso-pagination:widow-orphan">' +
      '<span style="font-family:仿宋;font-size:16pt;font-weight:bold;">第一条</span>' +
      '<span style="font-family:仿宋;font-size:16pt;"></span>' +
      '<span style="font-family:仿宋;font-style:italic;">　为规范</span><font face="仿宋">管理</font></p>' +
      '<p class="MsoNormal"><span><o:p>&nbsp;</o:p></span></p><!--EndFragment--></body></html>';
    assert.equal(cleanPastedHtml(wps).html, '<p><strong>第一条</strong><em>　为规范</em>管理</p>');
  });

  it('a web page: lines in <div>s stay lines, unsafe links lose their link, headings shift below the title', () => {
    const page = '<h1 class="t">标题</h1><div>第一行</div><div>第二行 <a href="javascript:alert(1)">点此</a> <a href="mailto:gk@example.gov.cn">来信</a></div><h5>小节</h5>';
    assert.equal(cleanPastedHtml(page).html, '<h2>标题</h2><p>第一行</p><p>第二行 点此 <a href="mailto:gk@example.gov.cn">来信</a></p><h4>小节</h4>');
  });

  it('Word numbering written as 一、 and （1） is ordered; a run of list paragraphs ends at the next plain paragraph', () => {
    const item = (marker: string, text: string, level = 1) =>
      `<p class=MsoListParagraph style='mso-list:l2 level${level} lfo3'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp; </span></span><![endif]>${text}</p>`;
    const html = item('一、', '甲') + item('（1）', '乙', 2) + item('二、', '丙') + '<p class=MsoNormal>正文</p>' + item('§', '丁');
    assert.equal(cleanPastedHtml(html).html, '<ol><li><p>甲</p><ol><li><p>乙</p></li></ol></li><li><p>丙</p></li></ol><p>正文</p><ul><li><p>丁</p></li></ul>');
  });

  it('plain text pasted as HTML without any element is one paragraph', () => {
    assert.equal(cleanPastedHtml('只有文字').html, '<p>只有文字</p>');
  });
});
