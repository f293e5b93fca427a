/**
 * Figures printed with no separator between cells (`640020470` for 64,0,0,2,0,4,70), as some
 * HTML exports do. The row's own sum rule decides where one figure ends: every way of cutting
 * the digits into the expected number of whole numbers is tried, and only cuttings that satisfy
 * the rule are kept. When several remain, all of them are returned: the caller reports every
 * candidate and may narrow them with the column rules, but never picks one silently.
 */

/** Whole numbers as printed: no leading zero except `0` itself. */
function isWholeNumber(text: string): boolean {
  return text === '0' || /^[1-9]\d*$/.test(text);
}

/** Limit on candidate cuttings examined, so that a garbled line cannot stall a batch. */
const MAX_VISITED = 200_000;

/**
 * All ways to read `tokens` (each holding one or more whole figures, in order) as exactly `count`
 * figures that satisfy `accept`. Tokens are never merged: a space or cell border is a real boundary.
 */
export function decodeRunTogether(
  tokens: string[],
  count: number,
  accept: (values: number[]) => boolean,
): number[][] {
  const results: number[][] = [];
  let visited = 0;
  const current: number[] = [];
  const walk = (tokenIndex: number, offset: number): void => {
    if (visited++ > MAX_VISITED) return;
    if (tokenIndex === tokens.length) {
      if (current.length === count && accept(current)) results.push([...current]);
      return;
    }
    const token = tokens[tokenIndex];
    const remainingTokens = tokens.length - tokenIndex - 1;
    for (let end = offset + 1; end <= token.length; end++) {
      const piece = token.slice(offset, end);
      if (!isWholeNumber(piece)) break; // a leading zero only ever stands alone
      if (current.length + 1 + remainingTokens > count) break;
      current.push(Number(piece));
      if (end === token.length) walk(tokenIndex + 1, 0);
      else walk(tokenIndex, end);
      current.pop();
    }
  };
  if (tokens.every((t) => /^\d+$/.test(t))) walk(0, 0);
  return results;
}

/** Sum rule of a section 三 row: the 总计 column equals the six applicant columns. */
export function rowTotalHolds(values: number[]): boolean {
  return values.slice(0, 6).reduce((a, b) => a + b, 0) === values[6];
}

/** Sum rule of the section 四 row: in each group of five, 维持+纠正+其他+尚未审结 = 总计. */
export function reviewGroupsHold(values: number[]): boolean {
  for (let g = 0; g < 3; g++) {
    const group = values.slice(g * 5, g * 5 + 5);
    if (group[0] + group[1] + group[2] + group[3] !== group[4]) return false;
  }
  return true;
}

/** Cartesian product of candidate lists, bounded; returns null when it would exceed `limit`. */
export function boundedProduct<T>(lists: T[][], limit = 100_000): T[][] | null {
  const size = lists.reduce((n, l) => n * l.length, 1);
  if (size > limit) return null;
  let product: T[][] = [[]];
  for (const list of lists) product = product.flatMap((prefix) => list.map((item) => [...prefix, item]));
  return product;
}
