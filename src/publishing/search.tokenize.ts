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
  const out: string[] = [];
  pushRunTokens(run, out);
  out.pop();
  return out;
}

export function tokenList(text: string): string[] {
  const out: string[] = [];
  for (const s of segments(text)) {
    if (s.kind === 'word') out.push(s.text);
    else pushRunTokens(s.text, out);
  }
  return out;
}

/**
 * A CJK run's bigrams and its closing character, onto `out`, without an array of the run's
 * characters (a loader tokenizes every item). A character outside the Basic Multilingual Plane
 * is a surrogate pair, one character.
 */
function pushRunTokens(run: string, out: string[]): void {
  let previous = 0;
  for (let i = charWidth(run, 0); i < run.length; i += charWidth(run, i)) {
    out.push(run.slice(previous, i + charWidth(run, i)));
    previous = i;
  }
  out.push(run.slice(previous));
}

/** Code units of the character at `i`: 2 for a surrogate pair, else 1. */
function charWidth(s: string, i: number): number {
  return isHighSurrogate(s.charCodeAt(i)) && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
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
  // No token can occur more than 250 times in 250 tokens: most documents need no counting.
  if (tokens.length <= 250) return false;
  const counts = new Map<string, number>();
  for (const t of tokens) {
    const n = (counts.get(t) ?? 0) + 1;
    if (n > 250) return true;
    counts.set(t, n);
  }
  return false;
}

/**
 * PostgreSQL only: the four-character substrings of each CJK run and the run's last three
 * characters, recovered from the tokens (bigrams of a run followed by its closing character).
 * Indexed as lexemes without positions, they let the GIN index answer a 3- or 4-character term
 * exactly, where the AND of its bigrams would have to be checked row by row: a 4-character term is
 * a lexeme, a 3-character one a prefix ('石龙区':*), since every three characters of a run either
 * begin one of its 4-character substrings or end it. Every 3-character substring as a lexeme of its
 * own (rows written before still hold them, which the prefix finds as well) doubled the vector and
 * the index entries, and building the index took most of a bulk load's time. `lists` are read
 * one after the other as one token text (a title's tokens, then the body's).
 */
export function longGrams(...lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  // The characters of the current run; a loader calls this for every item, so no copying, and
  // tokens are told apart by their first code unit: words are ASCII, every other token is Han
  // (search.tokenize `SEGMENT`) of one or two characters, each one or two code units long.
  const run: string[] = [];
  const close = () => {
    for (let i = 0; i + 4 <= run.length; i++) out.add(run[i] + run[i + 1] + run[i + 2] + run[i + 3]);
    const n = run.length;
    if (n >= 3) out.add(run[n - 3] + run[n - 2] + run[n - 1]);
    run.length = 0;
  };
  for (const tokens of lists) {
    for (const token of tokens) {
      if (!token || token.charCodeAt(0) < 0x80) {
        close();
        continue;
      }
      const firstLength = token.length > 1 && isHighSurrogate(token.charCodeAt(0)) ? 2 : 1;
      if (token.length === firstLength) {
        // The run's closing character.
        if (!run.length) run.push(token);
        close();
      } else {
        if (!run.length) run.push(token.slice(0, firstLength));
        run.push(token.slice(firstLength));
      }
    }
  }
  close();
  return [...out];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
