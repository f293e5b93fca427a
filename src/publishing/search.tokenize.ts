/**
 * Tokens for Chinese full-text search, made in the app so SQLite and PostgreSQL index exactly
 * the same terms (DESIGN: word segmenters miss unknown names; character bigrams find every
 * substring). A CJK run "信息公开" becomes its bigrams followed by its last character:
 * `信息 息公 公开 开`. The closing unigram does two jobs: a one-character query finds every
 * occurrence as a prefix match (`开*` hits `开发` or the closing `开`), and no bigram of one run
 * is ever adjacent to a bigram of the next run, so a phrase of bigrams only matches inside one
 * run. ASCII letters and digits form lower-cased words. Everything else separates.
 */

const SEGMENT = /(\p{Script=Han}+)|([a-z0-9]+)/gu;

/**
 * The year brackets of a 文号 as typed and as printed vary: 〔2026〕 (GB/T 9704), [2026], (2026),
 * （2026）, 【2026】. One form each way, so any of them finds the others; one character for one,
 * so positions in a normalized text are positions in the original (search.query.ts `snippet`).
 */
const OPENING = /[[(【〔〖［（]/gu;
const CLOSING = /[\])】〕〗］）]/gu;

/** Full-width letters/digits → ASCII, lower case, so 'ＧＤＰ' and 'gdp' are the same word; brackets as above. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(OPENING, '〔').replace(CLOSING, '〕');
}

export interface Segment {
  kind: 'cjk' | 'word';
  text: string;
}

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const m of normalizeText(text).matchAll(SEGMENT)) {
    out.push(m[1] ? { kind: 'cjk', text: m[1] } : { kind: 'word', text: m[2] });
  }
  return out;
}

/** Bigrams of a CJK run (none for a single character). */
export function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

export function tokenList(text: string): string[] {
  const out: string[] = [];
  for (const s of segments(text)) {
    if (s.kind === 'word') out.push(s.text);
    else {
      out.push(...bigrams(s.text));
      const chars = [...s.text];
      out.push(chars[chars.length - 1]);
    }
  }
  return out;
}

/** Tokens joined by spaces: the text the FTS5 table and to_tsvector('simple', …) receive. */
export function tokenize(text: string): string {
  return tokenList(text).join(' ');
}

/**
 * PostgreSQL keeps at most 16,383 positions per tsvector and 256 per lexeme; beyond either
 * limit phrase matching may miss, so such a document is searched with AND and then verified.
 */
export function exceedsPhraseLimits(tokens: string[]): boolean {
  if (tokens.length > 16_000) return true;
  const counts = new Map<string, number>();
  for (const t of tokens) {
    const n = (counts.get(t) ?? 0) + 1;
    if (n > 250) return true;
    counts.set(t, n);
  }
  return false;
}

/**
 * PostgreSQL only: the three- and four-character substrings of each CJK run, recovered from the
 * token text (bigrams of a run followed by its closing character). Indexed as lexemes without
 * positions, they let the GIN index answer a 3- or 4-character term exactly, where the AND of its
 * bigrams would have to be checked row by row.
 */
const HAN_TOKEN = /^\p{Script=Han}+$/u;

export function longGrams(tokens: string): string[] {
  const out = new Set<string>();
  // The characters of the current run; a loader calls this for every item, so no copying.
  const run: string[] = [];
  const close = () => {
    for (let i = 0; i + 3 <= run.length; i++) {
      out.add(run[i] + run[i + 1] + run[i + 2]);
      if (i + 4 <= run.length) out.add(run[i] + run[i + 1] + run[i + 2] + run[i + 3]);
    }
    run.length = 0;
  };
  for (const token of tokens.split(' ')) {
    if (!HAN_TOKEN.test(token)) close();
    else {
      const chars = [...token];
      if (chars.length === 2) {
        if (run.length) run.push(chars[1]);
        else run.push(chars[0], chars[1]);
      } else {
        if (!run.length) run.push(...chars);
        close();
      }
    }
  }
  close();
  return [...out];
}
