import { it } from 'node:test';
import assert from 'node:assert/strict';
import { versionText } from './version-text.rules.ts';
import { SNAPSHOT_FIELDS } from './items.repository.ts';

it('shows a version by the form’s labels and values, never by stored fields and codes', () => {
  const text = versionText(
    { title: '关于印发某办法的通知', kind: 'normative_document', column_id: 7, validity: 'in_force', interprets_item_id: null, body_html: '<p>一</p><p>二</p>', doc_number: '' },
    SNAPSHOT_FIELDS,
    { columns: new Map([[7, '行政规范性文件']]), items: new Map() },
  );
  assert.match(text, /^标题：关于印发某办法的通知$/m);
  assert.match(text, /^信息类别：行政规范性文件$/m);
  assert.match(text, /^栏目：行政规范性文件$/m);
  assert.match(text, /^有效性：现行有效$/m);
  assert.match(text, /^文号：（空）$/m);
  assert.match(text, /^<p>二<\/p>$/m, 'the body one block a line');
  assert.doesNotMatch(text, /normative_document|column_id|kind:|in_force/);
});
