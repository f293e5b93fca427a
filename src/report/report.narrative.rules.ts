/**
 * A count written without its number (pure). When a figure is left out of a sentence, or a
 * placeholder is lost while editing, the sentence still reads as a count — "全区共受理政府信息
 * 公开申请件" — and nothing else notices: no figure in it contradicts the tables. 国办公开办函
 * 〔2021〕30号 requires the report's figures to be stated, so such a sentence must not reach
 * publication.
 *
 * The rule: a measure word of a count (件, 条, 次, 人次, 个, 篇, 份, 项, 元, 万元) that ends a
 * clause (punctuation or the end of the paragraph follows) must have in front of it a number
 * (digits or Chinese numerals, also "2400余"), a placeholder `{{…}}`, or a word that counts
 * without a number (每, 各, 多, 若干, 首…). It is not a count when the two characters make a word
 * of their own (文件, 案件, 条件, 头条, 其次, 事项, 身份…): those are listed below, and only a Han
 * character in front can start a missing count (after punctuation or a bracket, "第（五）项" and
 * "（万元）" are labels). Words that merely begin with a measure word — 条例, 件数, 次数, 项目 —
 * never end a clause on it, so they are not touched.
 */

const MEASURES = ['万元', '人次', '件', '条', '次', '个', '篇', '份', '项', '元'] as const;
export type Measure = (typeof MEASURES)[number];

/** Characters that make a word with the measure word after them (文件, 头条, 其次 …). */
const WORDS: Record<Measure, string> = {
  件: '文案事邮附条软证稿信函要物配部组硬急来原快印器工构密复质按描批办收寄',
  条: '头萧链线教面便字金收欠逐专信苗规发油柳封',
  次: '其首依层档再屡历初此该上下批名席班位主渐频累车场架轮年',
  个: '整这那某哪单逐',
  篇: '全通长短开续上下终诗名新首鸿',
  份: '身省月年股部成备',
  项: '事专款选强弱立要子分单减缺漏列进奖',
  元: '单公纪状美日欧港韩英澳加',
  万元: '',
  人次: '',
};

/** Numerals, and the words that count or point without a number ("各项", "多次", "若干件", "首次", "前条"). */
const COUNTING = /[0-9０-９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟每各多几数若干逐该此本首全诸这那哪某前]$/;
const HAN = /\p{Script=Han}$/u;
const CLAUSE_END = /^(?:[，。；、：！？,.;:!?）)」』”’》\s]|$)/;
const MEASURE = new RegExp(MEASURES.join('|'), 'g');

export interface CountWithoutNumber {
  measure: Measure;
  /** The sentence up to the measure word (at most 20 characters), to show where it is. */
  phrase: string;
  /** Offset of the measure word in the paragraph. */
  index: number;
}

/** The counts in one paragraph of plain text that have no number in front of their measure word. */
export function countsWithoutNumber(paragraph: string): CountWithoutNumber[] {
  const out: CountWithoutNumber[] = [];
  for (const m of paragraph.matchAll(MEASURE)) {
    const measure = m[0] as Measure;
    const index = m.index!;
    if (!CLAUSE_END.test(paragraph.slice(index + measure.length))) continue;
    const before = paragraph.slice(0, index).replace(/\s+$/, '');
    if (!HAN.test(before)) continue; // a digit, a placeholder's }}, a bracket or nothing
    if (COUNTING.test(before) || (before.endsWith('余') && COUNTING.test(before.slice(0, -1)))) continue;
    if (WORDS[measure].includes(before.at(-1)!)) continue;
    const start = Math.max(0, ...[...before.matchAll(/[，。；：！？,.;:!?]/g)].map((p) => p.index! + 1));
    out.push({ measure, phrase: `${before.slice(Math.max(start, before.length - 20))}${measure}`, index });
  }
  return out;
}
