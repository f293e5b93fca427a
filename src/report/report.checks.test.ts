import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shilong2022 } from './fixtures/shilong-2022.ts';
import {
  checkReport,
  deadlineFindings,
  hasErrors,
  missingProactiveFigures,
  narrativeCompleteness,
  narrativeContradictions,
  narrativeCountsWithoutNumber,
} from './report.checks.ts';
import {
  composeNarrative,
  emptyNarrativeParts,
  fillPlaceholders,
  placeholderValues,
  sanitizeNarrative,
  textToHtml,
  type NarrativeParts,
} from './report.narrative.ts';
import type { ProactiveFiguresForReport } from './report.sources.ts';
import { SHILONG_PROACTIVE } from './fixtures/report-test-sources.ts';

// The seed's figures, with a normative-document registry so section 二 has something to check.
const proactive: ProactiveFiguresForReport = { ...SHILONG_PROACTIVE, normativeDocuments: [3, 1, 20] };
const values = placeholderValues(shilong2022, proactive);
const seedParts = (): NarrativeParts => {
  const [one, five, six] = ['一', '五', '六'].map((n) => shilong2022.narrative.find((s) => s.number === n)!.text.split('\n'));
  return { zdgk: textToHtml(one[0]), ysqgk: textToHtml(one[1]), xxgl: textToHtml(one[2]), ptjs: textToHtml(one[3]), jdbz: textToHtml(one[4]), wu: textToHtml(five.join('\n')), liu: textToHtml(six.join('\n')) };
};

describe('narrative placeholders and sanitizing', () => {
  it('fills computed figures and marks missing ones 未填报', () => {
    const f = fillPlaceholders('<p>受理申请{{本年新收申请}}件，许可{{没有这项}}，规范性文件{{本年制发规范性文件}}件</p>', placeholderValues(shilong2022, null));
    assert.equal(f.html, '<p>受理申请9件，许可{{没有这项}}，规范性文件未填报件</p>');
    assert.deepEqual(f.unknown, ['没有这项']);
    assert.deepEqual(f.missing, ['本年制发规范性文件']);
  });
  it('strips scripts, attributes and links from rich text but keeps paragraphs and emphasis', () => {
    assert.equal(sanitizeNarrative('<p onclick="x()">甲<script>alert(1)</script><strong>乙</strong><a href="javascript:x">丙</a></p>'), '<p>甲<strong>乙</strong>丙</p>');
  });
  it('composes sections 一, 五, 六 as HTML in the model', () => {
    const sections = composeNarrative(seedParts(), values);
    assert.deepEqual(sections.map((s) => s.number), ['一', '五', '六']);
    assert.match(sections[0].text, /共受理政府信息公开申请9件/);
  });
});

describe('report checks', () => {
  it('accepts the published 石龙区 2022 narrative against its own tables (2400余条 covers 2437)', () => {
    assert.deepEqual(narrativeContradictions(seedParts(), values, 2022), []);
  });
  it('names the paragraph of a literal figure that contradicts the table', () => {
    const parts = { ...seedParts(), ysqgk: '<p>（二）依申请公开情况。</p><p>全年共受理政府信息公开申请12件。</p>' };
    const [f] = narrativeContradictions(parts, values, 2022);
    assert.equal(f.code, 'report.narrative_contradicts_table');
    assert.equal(f.severity, 'error');
    assert.equal(f.location?.row, 'narrative.ysqgk');
    assert.equal(f.location?.line, 2);
    assert.deepEqual([f.details?.stated, f.details?.actual], [12, 9]);
  });
  it('names the paragraph and phrase of a count written without its number; the published narrative has none', () => {
    assert.deepEqual(narrativeCountsWithoutNumber(seedParts(), 2022), []);
    const parts = { ...seedParts(), zdgk: '<p>全年发布政府信息{{主动公开信息条数}}条，其中政策文件个。</p>', ysqgk: '<p>（二）依申请公开情况。</p><p>全区共受理政府信息公开申请件。</p>' };
    const found = narrativeCountsWithoutNumber(parts, 2022);
    assert.deepEqual(found.map((f) => [f.code, f.severity, f.location?.row, f.location?.line, f.details?.phrase]), [
      ['report.narrative_count_missing', 'error', 'narrative.zdgk', 1, '其中政策文件个'],
      ['report.narrative_count_missing', 'error', 'narrative.ysqgk', 2, '全区共受理政府信息公开申请件'],
    ]);
    assert.ok(hasErrors(checkReport({ report: shilong2022, parts, values, problems: [], previous: null, kind: 'government', today: '2023-01-16' }).filter((f) => f.code === 'report.narrative_count_missing')));
  });
  it('rejects "2400余条" when only 2,399 items were published, and 2500 items too', () => {
    const parts = seedParts();
    assert.equal(narrativeContradictions(parts, { ...values, 主动公开信息条数: 2399 }, 2022).length, 1);
    assert.equal(narrativeContradictions(parts, { ...values, 主动公开信息条数: 2500 }, 2022).length, 1);
  });
  it('reports empty parts and unknown placeholders', () => {
    const findings = narrativeCompleteness({ ...emptyNarrativeParts(), zdgk: '<p>{{不存在}}</p>' }, values, 2022);
    assert.equal(findings.filter((f) => f.code === 'report.narrative_missing').length, 6);
    assert.equal(findings.filter((f) => f.code === 'report.placeholder_unknown').length, 1);
  });
  it('reports every section 二 figure nobody entered as missing', () => {
    const findings = missingProactiveFigures(shilong2022);
    assert.equal(findings.length, 10);
    assert.ok(findings.every((f) => f.severity === 'error' && f.location?.section === '二'));
  });
  it('warns when publishing today would pass 31 January (department) or 31 March (government)', () => {
    const draft = { ...shilong2022, publishedOn: null };
    assert.deepEqual(deadlineFindings(draft, 'department', '2023-01-31'), []);
    assert.equal(deadlineFindings(draft, 'department', '2023-02-01')[0].code, 'report.deadline_passing');
    assert.deepEqual(deadlineFindings(draft, 'government', '2023-03-31'), []);
    assert.equal(deadlineFindings({ ...draft, publishedOn: '2023-04-01' }, 'government', '2023-01-01')[0].code, 'report.published_late');
  });
  it('warns (雷同) when this year repeats last year\'s text, and flags 二 ≠ last year\'s 四', () => {
    const parts = seedParts();
    const current = { ...shilong2022, year: 2023, narrative: composeNarrative(parts, values) };
    current.applications = { ...current.applications, rows: { ...current.applications.rows, carriedOver: [1, 0, 0, 0, 0, 0, 1] } };
    const previous = { ...shilong2022, narrative: composeNarrative(parts, values) };
    const findings = checkReport({ report: current, parts, values, problems: [], previous, kind: 'government', today: '2024-01-10' });
    assert.ok(findings.some((f) => f.code === 'report.narrative_near_identical'));
    assert.ok(findings.some((f) => f.code === 'report.carried_over_mismatch'));
    assert.ok(hasErrors(findings)); // section 二 figures are missing, the cross-check fails
  });
});
