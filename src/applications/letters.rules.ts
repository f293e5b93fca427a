/**
 * Filling a letter (pure): placeholders from the case, and for the reply letter the withholding
 * ground, its legal basis (outcomes.wording.rules.ts) and, on an adverse decision, the remedies — 行政复议 within 60 days (《行政复议法》第二十条)
 * to the named review body, or 行政诉讼 within 6 months (《行政诉讼法》第四十六条).
 */
import type { OutcomeKey } from '../report/report.model.ts';
import type { LetterTemplate } from './letters.templates.ts';
import { OUTCOME_WORDING, groundParagraph } from './outcomes.wording.rules.ts';

export type Placeholders = Record<string, string>;

export interface FilledLetter {
  title: string;
  paragraphs: string[];
  /** The body's name and the date, printed at the foot. */
  signature: string[];
}

export function fillPlaceholders(text: string, values: Placeholders): string {
  return text.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => values[name.trim()] ?? whole);
}

/**
 * An extension letter names who approved it (Art. 33(2) "经…负责人同意"). A body's own template
 * saved before the {{批准人}} placeholder existed still gets the name: after "负责人" where it says
 * "负责人同意", else in a sentence of its own.
 */
export function withApprover(body: string): string {
  if (body.includes('{{批准人}}')) return body;
  if (body.includes('负责人同意')) return body.replace('负责人同意', '负责人（{{批准人}}）同意');
  return `${body}\n本次延期经{{批准人}}同意。`;
}

export function remediesParagraph(reviewBody: string): string {
  return `如对本答复不服，可以自收到本答复之日起60日内向${reviewBody}申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。`;
}

export function fillLetter(t: LetterTemplate, values: Placeholders, extra: { legalBasis?: string; reviewBody?: string; bodyName: string; date: string; decision?: { outcome: OutcomeKey; ground?: string | null; withheldPart?: string | null; approverName?: string | null } }): FilledLetter {
  const paragraphs = fillPlaceholders(t.key === 'extension' ? withApprover(t.body) : t.body, values)
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (t.key === 'reply') {
    const d = extra.decision;
    const ground = d && groundParagraph(d.outcome, d.ground, d.withheldPart);
    if (ground) paragraphs.push(ground);
    paragraphs.push(`本答复依据：${extra.legalBasis ?? ''}。`);
    // A decision approved under the body's separation of duties names its approver as recorded.
    if (d?.approverName) paragraphs.push(`本答复经${d.approverName}审核同意。`);
    // Every decision that does not give the applicant all they asked for tells them how to challenge it.
    if (!d || OUTCOME_WORDING[d.outcome].adverse) paragraphs.push(remediesParagraph(extra.reviewBody ?? '上一级行政机关'));
  }
  return { title: t.title, paragraphs, signature: [extra.bodyName, extra.date] };
}
