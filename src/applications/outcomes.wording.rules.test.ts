/**
 * Each of the 21 outcomes, written into the default reply letter: its own plain wording (never the
 * annual report's row label or footnote), its articles, the withholding ground quoted with the part
 * withheld where the outcome withholds, and the remedies on every adverse decision.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_ROWS, OUTCOME_KEYS, type OutcomeKey } from '../report/report.model.ts';
import { DEFAULT_TEMPLATES } from './letters.templates.ts';
import { fillLetter } from './letters.rules.ts';
import { GROUNDS_FOR, OUTCOME_WORDING, WITHHOLDING_GROUNDS, groundOf, groundProblem } from './outcomes.wording.rules.ts';

const reply = DEFAULT_TEMPLATES.find((t) => t.key === 'reply')!;

function letterFor(outcome: OutcomeKey, ground: string | null, withheldPart: string | null): string {
  const filled = fillLetter(reply, { 申请人: '周九', 收到日期: '2026-03-02', 受理编号: 'YSQ-1', 申请内容: '某信息', 答复结果: OUTCOME_WORDING[outcome].decision, 答复正文: '' }, {
    legalBasis: OUTCOME_WORDING[outcome].articles,
    reviewBody: '平顶山市人民政府',
    bodyName: '石龙区人民政府',
    date: '2026-03-20',
    decision: { outcome, ground, withheldPart },
  });
  return filled.paragraphs.join('\n');
}

describe('reply wording per outcome', () => {
  it('covers all 21 outcomes, each with wording of its own', () => {
    assert.equal(OUTCOME_KEYS.length, 21);
    const decisions = OUTCOME_KEYS.map((k) => OUTCOME_WORDING[k].decision);
    assert.equal(new Set(decisions).size, 21, 'no two outcomes share a wording');
  });

  for (const outcome of OUTCOME_KEYS) {
    it(`${outcome}: wording, articles, ground and remedies`, () => {
      const grounds = GROUNDS_FOR[outcome];
      const ground = grounds ? grounds[grounds.length - 1] : null;
      const part = outcome === 'partiallyDisclosed' ? '第三方企业的银行账号和联系人手机号码' : null;
      const text = letterFor(outcome, ground, part);
      const w = OUTCOME_WORDING[outcome];
      assert.ok(text.includes(`现答复如下：${w.decision}。`), 'the decision in plain words');
      assert.ok(text.includes(`本答复依据：${w.articles}。`), 'the articles');
      const row = APPLICATION_ROWS.find((r) => r.key === outcome)!;
      assert.ok(!text.includes(row.label), `not the report's label "${row.label}"`);
      assert.doesNotMatch(text, /区分处理的，只计这一情形|（[一二三四五六]）(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)/);
      if (ground) {
        const g = groundOf(ground)!;
        assert.ok(text.includes(`《中华人民共和国政府信息公开条例》${g.article}关于“${g.text}”的规定`), 'the ground quoted with its article');
      }
      if (part) assert.ok(text.includes(`其中不予公开的部分为：${part}。`), 'the part withheld');
      if (w.adverse) {
        assert.ok(text.includes('自收到本答复之日起60日内向平顶山市人民政府申请行政复议'), 'review within 60 days to the named body');
        assert.ok(text.includes('自收到本答复之日起6个月内依法向人民法院提起行政诉讼'), 'suit within 6 months');
      } else {
        assert.ok(!text.includes('行政复议'), 'no remedies where nothing was refused');
      }
    });
  }

  it('asks for a ground for 部分公开 and the 不予公开 rows, of the right article, and the part withheld for 部分公开', () => {
    assert.match(groundProblem('partiallyDisclosed', null, null)!, /必须选择不予公开的理由/);
    assert.match(groundProblem('partiallyDisclosed', 'art16-process', '')!, /必须写明不予公开的部分/);
    assert.equal(groundProblem('partiallyDisclosed', 'art16-process', '讨论记录'), null);
    assert.match(groundProblem('withheld4', null, null)!, /必须选择/);
    assert.match(groundProblem('withheld1', 'art15-privacy', null)!, /不一致/);
    assert.equal(groundProblem('withheld4', 'art15-privacy', null), null);
    assert.equal(groundProblem('disclosed', null, null), null);
    for (const g of WITHHOLDING_GROUNDS) assert.match(g.article, /^第十[四五六]条/);
  });
});
