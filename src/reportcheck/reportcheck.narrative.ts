/**
 * The prose of the report: section texts, and the figures the prose states (受理申请9件,
 * 行政复议1件, 收取信息处理费0元) with the line each came from, so that they can be held
 * against the tables.
 */
import type { NarrativeSection, FeeStatement } from '../report/report.model.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { lineText } from './reportcheck.text.ts';

export type FigureKind = 'applicationsReceived' | 'reviewCases' | 'litigationCases' | 'feesYuan' | 'proactiveItems';

export interface NarrativeFigure {
  kind: FigureKind;
  value: number;
  /** The words that state it, as printed (spaces removed). */
  text: string;
  line: number;
}

/** Joined prose with a map from character offset back to source line. */
export interface Prose {
  text: string;
  lineAt(offset: number): number;
}

export function joinProse(lines: SourceLine[]): Prose {
  let text = '';
  const starts: { offset: number; line: number }[] = [];
  for (const line of lines) {
    starts.push({ offset: text.length, line: line.no });
    text += lineText(line);
  }
  return {
    text,
    lineAt(offset) {
      let found = starts[0]?.line ?? 0;
      for (const s of starts) {
        if (s.offset > offset) break;
        found = s.line;
      }
      return found;
    },
  };
}

/** Clauses run to the next 。；; so one pattern never spans two statements. */
const PATTERNS: { kind: FigureKind; pattern: RegExp }[] = [
  {
    kind: 'applicationsReceived',
    pattern: /(?:受理|收到|新收|接收)[^。；;，,]{0,24}?(?:政府信息公开|依申请公开)?申请(?:共计|总计|合计|共)?(\d+)(?:件|个|份)/g,
  },
  { kind: 'applicationsReceived', pattern: /(?:受理|收到|新收)[^。；;]{0,10}?申请(?:共计|共)?[^。；;\d]{0,4}?(\d+)(?:件|个|份)/g },
  { kind: 'reviewCases', pattern: /行政复议(?:案件)?(?:共|共计)?(\d+)(?:件|起)/g },
  { kind: 'litigationCases', pattern: /行政诉讼(?:案件)?(?:共|共计)?(\d+)(?:件|起)/g },
  { kind: 'feesYuan', pattern: /(?:收取|收缴)[^。；;]{0,20}?(?:处理费|费用)(?:共|共计)?(\d+(?:\.\d+)?)元/g },
  { kind: 'proactiveItems', pattern: /主动(?:公开|发布)[^。；;，,]{0,16}?(?:政府)?信息(?:共)?(\d+)(?:余)?条/g },
];
const NO_FEE = /(?:未收(?:取)?(?:任何)?(?:费用|费)|不收费|未产生(?:信息处理费|收费)|未收取)/;

export function findFigures(prose: Prose): NarrativeFigure[] {
  const figures: NarrativeFigure[] = [];
  const seen = new Set<string>();
  for (const { kind, pattern } of PATTERNS) {
    for (const m of prose.text.matchAll(pattern)) {
      const key = `${kind}@${m.index! + m[0].length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push({ kind, value: Number(m[1]), text: m[0], line: prose.lineAt(m.index! + m[0].length - 1) });
    }
  }
  const noFee = NO_FEE.exec(prose.text);
  if (noFee && !figures.some((f) => f.kind === 'feesYuan')) {
    figures.push({ kind: 'feesYuan', value: 0, text: noFee[0], line: prose.lineAt(noFee.index) });
  }
  // One statement may match two patterns; keep one figure per kind and line.
  return figures.filter(
    (f, i) => figures.findIndex((g) => g.kind === f.kind && g.line === f.line && g.value === f.value) === i,
  );
}

/** Section text from its line range (table lines of sections 二–四 are not prose). */
export function sectionText(lines: SourceLine[]): string {
  return lines.map((l) => lineText(l)).join('');
}

export function narrativeSection(number: string, title: string, lines: SourceLine[]): NarrativeSection {
  return { number, title, text: sectionText(lines), format: 'text' };
}

/** Fee statement: section 六 (or the whole prose) on information processing fees. */
export function feeStatement(figures: NarrativeFigure[], prose: Prose): FeeStatement {
  const fee = figures.find((f) => f.kind === 'feesYuan');
  if (!fee) return { amountYuan: null };
  const sentenceStart = Math.max(prose.text.lastIndexOf('。', prose.text.indexOf(fee.text)) + 1, 0);
  const sentenceEnd = prose.text.indexOf('。', prose.text.indexOf(fee.text));
  const text = prose.text.slice(sentenceStart, sentenceEnd === -1 ? undefined : sentenceEnd + 1);
  return { amountYuan: Number.isInteger(fee.value) ? fee.value : Math.round(fee.value), text };
}
