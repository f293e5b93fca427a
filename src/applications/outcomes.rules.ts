/**
 * The closed list of decisions: the 21 outcome rows of the annual report (国办公开办函〔2021〕30号,
 * section 三) with the article of 《中华人民共和国政府信息公开条例》 each one rests on
 * (spec/regulations.md A.4, "How each row maps to the Regulations"). A reply letter states this
 * basis; the clerk may add to it but never leaves it empty.
 */
import { APPLICATION_ROWS, OUTCOME_KEYS, type OutcomeKey } from '../report/report.model.ts';

const REG = '《中华人民共和国政府信息公开条例》';

export const OUTCOME_LEGAL_BASIS: Record<OutcomeKey, string> = {
  disclosed: `${REG}第三十六条第（一）项、第（二）项`,
  partiallyDisclosed: `${REG}第三十七条`,
  withheld1: `${REG}第十四条`,
  withheld2: `${REG}第十四条`,
  withheld3: `${REG}第十四条`,
  withheld4: `${REG}第十五条、第三十二条`,
  withheld5: `${REG}第十六条第一款`,
  withheld6: `${REG}第十六条第二款`,
  withheld7: `${REG}第十六条第二款`,
  withheld8: `${REG}第三十六条第（七）项`,
  unable1: `${REG}第三十六条第（四）项、第（五）项`,
  unable2: `${REG}第三十八条`,
  unable3: `${REG}第三十条`,
  notProcessed1: `${REG}第三十九条第一款`,
  notProcessed2: `${REG}第三十六条第（六）项`,
  notProcessed3: `${REG}第三十九条第二款`,
  notProcessed4: `${REG}第三十五条`,
  // The Regulations have no article of its own for this row; the reply rests on Art. 36.
  notProcessed5: `${REG}第三十六条`,
  otherHandling1: `${REG}第三十条`,
  otherHandling2: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  otherHandling3: `${REG}第三十六条（申请人主动撤回申请）`,
};

/** The printed label of an outcome row, with its group: "（三）不予公开 1.属于国家秘密". */
export function outcomeLabel(key: OutcomeKey): string {
  const row = APPLICATION_ROWS.find((r) => r.key === key)!;
  return 'group' in row ? `${row.group} ${row.label}` : row.label;
}

export function isOutcomeKey(v: unknown): v is OutcomeKey {
  return typeof v === 'string' && (OUTCOME_KEYS as readonly string[]).includes(v);
}

/**
 * Outcomes that only a specific step may produce, never a plain decision: the lapse of a
 * 补正 or fee period, and a withdrawal, are their own events so the report row cannot be
 * chosen without the facts behind it.
 */
export const OUTCOMES_BY_EVENT_ONLY: ReadonlySet<OutcomeKey> = new Set(['otherHandling1', 'otherHandling2']);

/** The family (for the reply letter's wording) an outcome belongs to. */
export function outcomeFamily(key: OutcomeKey): 'disclose' | 'partial' | 'withhold' | 'unable' | 'notProcessed' | 'other' {
  if (key === 'disclosed') return 'disclose';
  if (key === 'partiallyDisclosed') return 'partial';
  if (key.startsWith('withheld')) return 'withhold';
  if (key.startsWith('unable')) return 'unable';
  if (key.startsWith('notProcessed')) return 'notProcessed';
  return 'other';
}
