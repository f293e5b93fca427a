import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, joinHtml, raw, renderToString, SafeHtml } from './html.ts';

describe('html template tag', () => {
  it('escapes the five HTML-significant characters in interpolations', () => {
    const text = `<script>alert("x") & 'y'</script>`;
    assert.equal(
      html`<p>${text}</p>`.toString(),
      '<p>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;</p>',
    );
  });

  it('keeps an attribute value inside its quotes', () => {
    const title = `" onmouseover="alert(1)`;
    assert.equal(html`<td title="${title}"></td>`.toString(), '<td title="&quot; onmouseover=&quot;alert(1)"></td>');
    assert.equal(html`<td title='${"'x"}'></td>`.toString(), `<td title='&#39;x'></td>`);
  });

  it('does not escape the literal parts of the template', () => {
    assert.equal(html`<a href="/x?a=1&b=2">链接</a>`.toString(), '<a href="/x?a=1&b=2">链接</a>');
  });

  it('inserts nested fragments verbatim and escapes nothing twice', () => {
    const inner = html`<b>${'A&B'}</b>`;
    assert.equal(html`<p>${inner}</p>`.toString(), '<p><b>A&amp;B</b></p>');
    assert.equal(html`<div>${html`<p>${inner}</p>`}</div>`.toString(), '<div><p><b>A&amp;B</b></p></div>');
  });

  it('renders arrays of fragments and strings, nested arrays too', () => {
    const items = ['一', '<二>', '三'];
    assert.equal(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.toString(), '<ul><li>一</li><li>&lt;二&gt;</li><li>三</li></ul>');
    assert.equal(html`${['a', ['<b>', html`<i>c</i>`]]}`.toString(), 'a&lt;b&gt;<i>c</i>');
  });

  it('renders null, undefined, false and true as nothing', () => {
    const no = false as boolean;
    assert.equal(html`[${null}|${undefined}|${false}|${true}|${no && html`<b>x</b>`}]`.toString(), '[||||]');
  });

  it('renders numbers as decimal text, including zero, and non-finite numbers as nothing', () => {
    assert.equal(html`<td>${0}</td><td>${9}</td><td>${-1.5}</td>`.toString(), '<td>0</td><td>9</td><td>-1.5</td>');
    assert.equal(html`${NaN}${Infinity}`.toString(), '');
    assert.equal(html`${10n}`.toString(), '10');
  });

  it('lets raw() insert trusted markup unchanged', () => {
    assert.equal(html`<div>${raw('<p class="x">已清洗</p>')}</div>`.toString(), '<div><p class="x">已清洗</p></div>');
    assert.ok(raw('x') instanceof SafeHtml);
  });

  it('joins fragments with a separator and drops empty parts', () => {
    assert.equal(joinHtml([html`<b>1</b>`, null, 'a<b'], html`<br>`).toString(), '<b>1</b><br>a&lt;b');
    assert.equal(joinHtml(['x', 'y'], ' & ').toString(), 'x &amp; y');
  });

  it('escapes plain text and renders values directly', () => {
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
    assert.equal(renderToString('<'), '&lt;');
    assert.equal(renderToString(html`<i>${'<'}</i>`), '<i>&lt;</i>');
    assert.equal(`${html`<p>${'x'}</p>`}`, '<p>x</p>');
  });
});
