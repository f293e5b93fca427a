/**
 * PostgreSQL's search vectors, made in the app (pure). `to_tsvector('simple', …)` on the token
 * text ran PostgreSQL's text parser over every item, about half a millisecond each: most of a
 * bulk load's time on the server. The tokens are already the lexemes (search.tokenize.ts), so the
 * vector is written as tsvector text, which the server only reads. It is the vector
 * `setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D')`
 * gave: positions counted from 1 through the title, then on through the body, at most 16,383,
 * at most 255 kept per lexeme, a word longer than 2,047 bytes left out.
 */

const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
const MAX_LEXEME_BYTES = 2_047;

/** Tokens of one part with their weight ('A' for the title, '' for the body's default D). */
export interface WeightedTokens {
  tokens: string[];
  weight: 'A' | '';
}

function quoteLexeme(token: string): string {
  // Tokens are Han characters or ASCII letters and digits: the replacements are for safety only.
  if (token.includes('\\') || token.includes("'")) return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return `'${token}'`;
}

/** A UTF-16 code unit takes at most 3 bytes in UTF-8, so short tokens need no measuring. */
function tooLong(token: string): boolean {
  return token.length * 3 > MAX_LEXEME_BYTES && Buffer.byteLength(token) > MAX_LEXEME_BYTES;
}

/**
 * A vector before it is written: each lexeme with its positions (a negative one is of weight A)
 * in the order first seen, or, for a vector without positions, its lexemes (a repeated one counts
 * once, as PostgreSQL reads the text). The application writes it as text (`vectorText`); a loader
 * may send it in COPY's binary format.
 */
export type Vector = Map<string, number[]> | string[];

/** The lexemes of the parts with their positions, in order, positions running on from one part to the next. */
export function tsvectorPositions(parts: WeightedTokens[]): Map<string, number[]> {
  // A loader runs this for every item: one lookup per token, no Math calls, no read past a list's end.
  const positions = new Map<string, number[]>();
  let base = 0;
  for (const { tokens, weight } of parts) {
    let last = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token || tooLong(token)) continue;
      const position = base + i + 1 < MAX_POSITION ? base + i + 1 : MAX_POSITION;
      last = i + 1;
      // Weights go with positions: A for the title's, none (D) after it; positions only grow.
      const weighted = weight ? -position : position;
      const list = positions.get(token);
      if (list === undefined) positions.set(token, [weighted]);
      else if (list.length < MAX_POSITIONS_PER_LEXEME) {
        // Past the last position every token is given it: kept once.
        const previous = list[list.length - 1];
        if (previous !== position && previous !== -position) list.push(weighted);
      }
    }
    base += last;
  }
  return positions;
}

/** The lexemes of a vector without positions: none empty or too long to index. */
export function lexemeList(lexemes: string[]): string[] {
  return lexemes.filter((l) => l && !tooLong(l));
}

/** A vector as tsvector text. */
export function vectorText(v: Vector): string {
  if (Array.isArray(v)) return v.map(quoteLexeme).join(' ');
  const out: string[] = [];
  for (const [token, list] of v) out.push(`${quoteLexeme(token)}:${list.map((n) => (n < 0 ? `${-n}A` : n)).join(',')}`);
  return out.join(' ');
}

/** The tsvector text of the parts, in order, positions running on from one part to the next. */
export function tsvectorText(parts: WeightedTokens[]): string {
  return vectorText(tsvectorPositions(parts));
}

/** The tsvector text of lexemes without positions (grams, filter tokens). */
export function lexemesText(lexemes: string[]): string {
  return vectorText(lexemeList(lexemes));
}
