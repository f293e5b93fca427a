/**
 * Copied text whose line breaks were lost: a whole report, or several sections, on one line.
 * Such a line is cut before and after every section heading and after the title, so that the
 * section readers find their parts; what lies inside a section stays one line, which the table
 * readers take as a stream (reportcheck.stream.ts). Pure.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { compact, splitCells } from './reportcheck.text.ts';
import { matchTitle, SECTION_TITLES } from './reportcheck.sections.ts';

/** A line shorter than this is a heading, a row or a paragraph, never several sections. */
const RUN_ON_CHARS = 120;

/** Headings as printed in running text: any whitespace between their characters. */
const HEADING = new RegExp(
  Object.entries(SECTION_TITLES)
    .flatMap(([n, t]) => [t.title, ...t.variants].map((title) => `${n}、${title}`))
    .sort((a, b) => b.length - a.length)
    .map((h) => [...h].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'))
    .join('|'),
  'g',
);

/**
 * Section 四's heading with a misprint inside (“四、政府信息公开行政法复议、行政诉讼情况”): its title is
 * long and reports vary it most; 复议、…诉讼情况 within the next 30 characters still names it.
 */
const REVIEW_HEADING = /四\s*、[^、。，；\d]{0,20}?复\s*议\s*、[^、。，；\d]{0,10}?诉\s*讼\s*情\s*况/g;

/** A cheap test first: most long lines are paragraphs without any section number. */
const SECTION_MARK = /[一二三四五六]\s*、/;

function piece(line: SourceLine, raw: string): SourceLine | null {
  if (raw.trim() === '') return null;
  const { cells, delimited } = splitCells(raw);
  return { no: line.no, raw, cells, delimited };
}

export function splitRunOn(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    if (line.delimited || line.raw.length < RUN_ON_CHARS || !SECTION_MARK.test(line.raw) || compact(line.raw).length < RUN_ON_CHARS) {
      out.push(line);
      continue;
    }
    const cuts = new Set<number>();
    for (const m of [...line.raw.matchAll(HEADING), ...line.raw.matchAll(REVIEW_HEADING)]) {
      cuts.add(m.index);
      cuts.add(m.index + m[0].length);
    }
    if (cuts.size === 0) {
      out.push(line);
      continue;
    }
    // The title at the start of the text ends before the report's first sentence.
    const title = matchTitle(compact(line.raw.slice(0, 200)));
    if (title) {
      let seen = 0;
      for (let i = 0; i < line.raw.length; i++) {
        if (/\s/.test(line.raw[i])) continue;
        if (++seen === title.whole.length) {
          cuts.add(i + 1);
          break;
        }
      }
    }
    const at = [0, ...[...cuts].sort((a, b) => a - b), line.raw.length];
    for (let i = 0; i + 1 < at.length; i++) {
      const p = piece(line, line.raw.slice(at[i], at[i + 1]));
      if (p) out.push(p);
    }
  }
  return out;
}
