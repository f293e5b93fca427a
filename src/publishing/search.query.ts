/**
 * A search query → match expressions for FTS5 and tsquery (pure). Terms are separated by
 * white space and all must occur. Inside a term, each CJK run of two or more characters is a
 * phrase of its bigrams, which matches exactly that run (see search.tokenize.ts); a single
 * character or an ASCII word is a prefix match. A term made of several segments ("2022年",
 * "〔2022〕15号") is matched as the AND of its segments and the candidates are then verified
 * against the text, so the result is exactly the items that contain every term.
 */
import { bigrams, normalizeText, segments, type Segment } from './search.tokenize.ts';

export interface ParsedQuery {
  /** Normalized terms, each must be a substring of the item's text. */
  terms: string[];
  /** Segments of each term. */
  termSegments: Segment[][];
  /** True when the index match alone is exact (every term is one segment). */
  exact: boolean;
}

export function parseQuery(q: string): ParsedQuery | null {
  // Punctuation around a term is dropped ("《条例》" → "条例"); inside it is kept ("〔2022〕15号").
  const terms = normalizeText(q)
    .split(/\s+/u)
    .map((t) => t.replace(/^[^\p{Script=Han}a-z0-9]+|[^\p{Script=Han}a-z0-9]+$/gu, ''))
    .filter((t) => segments(t).length > 0)
    .slice(0, 8);
  if (!terms.length) return null;
  const termSegments = terms.map((t) => segments(t));
  return { terms, termSegments, exact: termSegments.every((s) => s.length === 1) };
}

/**
 * The segments the index matches, each with whether it is a prefix. A term of one segment is
 * matched whole (an ASCII word or single character as a prefix). In a term of several segments,
 * whose candidates are verified against the text anyway, a word followed by more of the term
 * ends there in the text (an exact token), only the last word is a prefix, and single
 * characters and one- or two-letter words are left to the verification when a longer segment
 * remains: "〔2020〕1" would otherwise OR together every token that starts with 1.
 */
export function indexSegments(p: ParsedQuery): { segment: Segment; prefix: boolean }[][] {
  return p.termSegments.map((segs) => {
    if (segs.length === 1) return [{ segment: segs[0], prefix: segs[0].kind === 'word' || [...segs[0].text].length === 1 }];
    const all = segs.map((segment, i) => ({ segment, prefix: segment.kind === 'word' ? i === segs.length - 1 : [...segment.text].length === 1 }));
    const strong = all.filter(({ segment }) => [...segment.text].length >= (segment.kind === 'cjk' ? 2 : 3));
    return strong.length ? strong : all;
  });
}

function quoteFts(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** FTS5 MATCH expression (phrases are exact inside one run; prefix for single chars/words). */
export function ftsMatch(p: ParsedQuery): string {
  const parts: string[] = [];
  for (const segs of indexSegments(p)) {
    for (const { segment: s, prefix } of segs) {
      if (s.kind === 'cjk' && [...s.text].length > 1) parts.push(quoteFts(bigrams(s.text).join(' ')));
      else parts.push(`${quoteFts(s.text)}${prefix ? '*' : ''}`);
    }
  }
  return parts.join(' AND ');
}

/** tsquery text; `phrase` = false gives the AND form used for documents beyond phrase limits. */
export function tsQuery(p: ParsedQuery, phrase = true): string {
  const parts: string[] = [];
  for (const segs of indexSegments(p)) {
    for (const { segment: s, prefix } of segs) {
      if (s.kind === 'cjk' && [...s.text].length > 1) {
        const grams = bigrams(s.text).map(quoteTs);
        parts.push(grams.length === 1 ? grams[0] : `(${grams.join(phrase ? ' <-> ' : ' & ')})`);
      } else parts.push(`${quoteTs(s.text)}${prefix ? ':*' : ''}`);
    }
  }
  return parts.join(' & ');
}

/**
 * PostgreSQL match, as parts that are all required: `tsv`, a tsquery on the token vector for
 * single characters, bigram terms and words (null if none); `grams`, a tsquery on the
 * vector of 4-character substrings and run endings (search.tokenize.ts `longGrams`) for longer
 * CJK segments, exact for 3 characters (a prefix) or 4 and the AND of the 4-character pieces beyond
 * (null if none); `sequences`, for those longer segments, the bigram sequence (` 人力 力资 资源 … `) that
 * must occur in the token text (title tokens, a space, body tokens). Bigrams of one run are
 * followed by the run's closing character, so a sequence found there lies inside one run.
 */
export interface PgMatch {
  tsv: string | null;
  grams: string | null;
  sequences: string[];
}

export function pgMatch(p: ParsedQuery): PgMatch {
  const tsv: string[] = [];
  const grams: string[] = [];
  const sequences: string[] = [];
  for (const segs of indexSegments(p)) {
    for (const { segment: s, prefix } of segs) {
      const chars = [...s.text];
      if (s.kind === 'cjk' && chars.length > 4) {
        for (let i = 0; i + 4 <= chars.length; i++) grams.push(quoteTs(chars.slice(i, i + 4).join('')));
        sequences.push(` ${bigrams(s.text).join(' ')} `);
      } else if (s.kind === 'cjk' && chars.length === 4) grams.push(quoteTs(s.text));
      // A 3-character segment begins a 4-character lexeme or ends a run (search.tokenize.ts `longGrams`).
      else if (s.kind === 'cjk' && chars.length === 3) grams.push(`${quoteTs(s.text)}:*`);
      else if (s.kind === 'cjk' && chars.length === 2) tsv.push(quoteTs(s.text));
      else tsv.push(`${quoteTs(s.text)}${prefix ? ':*' : ''}`);
    }
  }
  return { tsv: tsv.length ? tsv.join(' & ') : null, grams: grams.length ? grams.join(' & ') : null, sequences };
}

function quoteTs(token: string): string {
  return `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}

/** Does this text (title, number, body, attachment text joined by newlines) contain every term? */
export function textMatches(p: ParsedQuery, text: string): boolean {
  const t = normalizeText(text);
  return p.terms.every((term) => t.includes(term));
}

/** A snippet around the first hit with the terms marked; returns plain segments for the template. */
export function snippet(p: ParsedQuery, text: string, width = 80): { text: string; hit: boolean }[] {
  // Normalized character by character so that positions in `norm` are positions in `text`.
  const norm = text.replace(/[^\n]/gu, (c) => {
    const n = normalizeText(c);
    return n.length === c.length ? n : c;
  });
  let first = -1;
  for (const term of p.terms) {
    const i = norm.indexOf(term);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(text.length, start + width);
  const piece = text.slice(start, end);
  const pieceNorm = norm.slice(start, end);
  const out: { text: string; hit: boolean }[] = [];
  if (start > 0) out.push({ text: '…', hit: false });
  let i = 0;
  while (i < piece.length) {
    let matched = '';
    for (const term of p.terms) if (term && pieceNorm.startsWith(term, i) && term.length > matched.length) matched = term;
    if (matched) {
      out.push({ text: piece.slice(i, i + matched.length), hit: true });
      i += matched.length;
    } else {
      const last = out[out.length - 1];
      if (last && !last.hit && last.text !== '…') last.text += piece[i];
      else out.push({ text: piece[i], hit: false });
      i += 1;
    }
  }
  if (end < text.length) out.push({ text: '…', hit: false });
  return out;
}
