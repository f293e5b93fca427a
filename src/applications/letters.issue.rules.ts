/**
 * Issuing a letter (pure): its number (文号) from the body's pattern, the date as printed on a
 * 公文 (2026年3月2日), whether the case's facts allow the letter yet, and the sentence by which a
 * correction names the letter it replaces.
 */
import type { CaseState } from './applications.state.rules.ts';

/** Short names of the kinds, used in the default numbering patterns so two kinds never share a number. */
export const LETTER_KIND_ABBR: Record<string, string> = {
  receipt: '受理',
  correction: '补正',
  extension: '延期',
  'consultation-third-party': '征询',
  'consultation-agency': '商请',
  fee: '收费',
  reply: '答复',
};

export const YEAR_SLOT = '{年}';
export const NUMBER_SLOT = '{号}';

export function defaultPattern(kind: string): string {
  return `依申请公开${LETTER_KIND_ABBR[kind] ?? ''}〔${YEAR_SLOT}〕第${NUMBER_SLOT}号`;
}

/** Why a pattern cannot be used, or null: it must hold {号} exactly once and stay short. */
export function patternProblem(pattern: string): string | null {
  if (!pattern.trim()) return '文号格式不能为空';
  if (pattern.length > 60) return '文号格式不能超过60个字';
  if (pattern.split(NUMBER_SLOT).length !== 2) return `文号格式必须包含一次序号占位符 ${NUMBER_SLOT}`;
  if (pattern.split(YEAR_SLOT).length > 2) return `文号格式最多包含一次年份占位符 ${YEAR_SLOT}`;
  return null;
}

export function formatDocNumber(pattern: string, year: number, n: number): string {
  return pattern.replace(YEAR_SLOT, String(year)).replace(NUMBER_SLOT, String(n));
}

/** 2026-03-02 → 2026年3月2日, as the date line of a 公文 prints it. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Why this letter cannot be issued yet on this case, or null. A letter states facts on record. */
export function letterNotReady(kind: string, s: CaseState): string | null {
  switch (kind) {
    case 'receipt':
      return s.receivedDate ? null : '尚未确认收到申请，不能签发受理回执';
    case 'correction':
      return s.correction ? null : '尚未登记补正告知，不能签发补正告知书';
    case 'extension':
      return s.extension?.status === 'approved' ? null : '延期尚未批准，不能签发延期答复告知书';
    case 'consultation-third-party':
      return s.consultations.some((c) => c.kind === 'third-party') ? null : '尚未登记向第三方征求意见，不能签发征求意见书';
    case 'consultation-agency':
      return s.consultations.some((c) => c.kind === 'agency') ? null : '尚未登记向有关机关征求意见，不能签发征求意见书';
    case 'fee':
      return s.fee ? null : '尚未登记收费通知，不能签发收费通知书';
    case 'reply':
      return s.decision ? null : '尚未作出答复，不能签发答复书';
    default:
      return '没有这种文书';
  }
}

/** First paragraph of a correction: which letter it replaces, so the two can never be confused. */
export function replacesNote(old: { docNumber: string; title: string; issueDate: string }): string {
  return `本文书更正本机关${chineseDate(old.issueDate)}作出的《${old.title}》（${old.docNumber}），原文书同时作废，以本文书为准。`;
}
