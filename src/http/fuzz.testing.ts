/**
 * Test helper of the fuzz suite (fuzz.test.ts): the hostile values, a seeded random source so a
 * failing run can be replayed with its seed, and the encoders that also produce what no browser
 * would send (broken percent-encodings, invalid UTF-8, repeated keys).
 */

/** mulberry32: small, fast and the same on every machine for a given seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Text that must be refused with 400 wherever it appears (the shared control-character rule). */
export const CONTROL_VALUES = ['\u0000', 'a\u0000b', '张三\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', '\u007f', '\u0085', '\u009f'];

/** Text that is odd but not forbidden: must never give a 5xx either. */
export const ODD_VALUES = [
  '', ' ', '\t', '\n', '\r\n', '   \n  ', '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '9999999999999999999999', '2026-02-31', '0000-00-00',
  '"*" OR NEAR(', 'NEAR(a b, 3)', 'a AND OR NOT', '*', '"', '""', '(', ')', '^', ':', 'title:x', '-', '-x', 'x*', '\'; drop table applications; --',
  "' OR '1'='1", '%', '%%', '_', '\\', '\\x00', '%00', '<script>alert(1)</script>', '../../etc/passwd', '{{7*7}}', '${7*7}',
  '\u2028', '\u2029', '\u202e反转', '\u200b', '\ufeff', '\ud800', '\udfff', 'a\ud83d', '😀'.repeat(50), 'ｆｕｌｌ　ｗｉｄｔｈ', 'e\u0301\u0301\u0301',
  '石龙区', '医保 举报', '张庄', 'x'.repeat(101), '中'.repeat(5001), 'a'.repeat(20_001),
];

export const HUGE_1MB = 'a'.repeat(1024 * 1024);
export const HUGE_10MB = '字'.repeat(3.5 * 1024 * 1024); // 10.5 MB as UTF-8

/** Wrong JSON types for a string field. */
export const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, [], ['a', 'b'], [null], {}, { $ne: null }, { a: { b: { c: [] } } }];

/** Raw pieces for query strings and form bodies that are not valid percent-encoding or UTF-8. */
export const RAW_ENCODINGS = ['%', '%G0', '%E4%B8', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%0', '+%2B+', '%25%', '&&&', '=', '==', 'a=b=c', '%E4%B8%AD%E6%96'];

export function percent(s: string): string {
  // encodeURIComponent throws on lone surrogates: send them as the broken bytes a client would.
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (c) => {
      try { return encodeURIComponent(c); } catch { return '%ED%A0%80'; }
    }).join('');
  }
}

/** An application/x-www-form-urlencoded body; values may be arrays (repeated keys) or raw pieces. */
export function formBody(fields: Record<string, string | string[] | { raw: string }>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'object' && !Array.isArray(v)) out.push(`${percent(k)}=${v.raw}`);
    else for (const x of Array.isArray(v) ? v : [v]) out.push(`${percent(k)}=${percent(x)}`);
  }
  return out.join('&');
}

/** A multipart/form-data body of text fields only. */
export function multipartBody(fields: Record<string, string>, boundary = '----fuzzBoundary7MA4YWxkTrZu0gW'): { payload: Buffer; contentType: string } {
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** True when the value carries a character the shared rule refuses (mirrors shared/schema/text.ts). */
export function carriesControl(v: unknown): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (typeof v === 'string') return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(v);
  if (Array.isArray(v)) return v.some(carriesControl);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => carriesControl(k) || carriesControl(x));
  return false;
}
