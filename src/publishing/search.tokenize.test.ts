import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { longGrams, tokenList, tokenize } from './search.tokenize.ts';
import { ftsMatch, parseQuery, textMatches, tsQuery } from './search.query.ts';

describe('search tokens', () => {
  it('makes bigrams of each CJK run closed by its last character, and lower-cased words', () => {
    assert.equal(tokenize('信息公开'), '信息 息公 公开 开');
    assert.equal(tokenize('石发改〔2022〕15号'), '石发 发改 改 2022 15 号');
    assert.equal(tokenize('ＧＤＰ增长 Ok'), 'gdp 增长 长 ok');
    // A character outside the Basic Multilingual Plane (two UTF-16 units) is one character.
    assert.equal(tokenize('𠀀𠀁信 𠀂'), '𠀀𠀁 𠀁信 信 𠀂');
  });

  it('never puts a bigram of one run next to a bigram of the next run', () => {
    // "信息。息公" must not match the phrase of "信息公": the closing 息 separates the runs.
    assert.equal(tokenize('信息。息公'), '信息 息 息公 公');
  });

  it('turns a query into phrases of bigrams and prefix matches', () => {
    const p = parseQuery('《信息公开》 号 GDP')!;
    assert.deepEqual(p.terms, ['信息公开', '号', 'gdp']);
    assert.equal(p.exact, true);
    assert.equal(ftsMatch(p), '"信息 息公 公开" AND "号"* AND "gdp"*');
    assert.equal(tsQuery(p), "('信息' <-> '息公' <-> '公开') & '号':* & 'gdp':*");
    assert.equal(tsQuery(p, false), "('信息' & '息公' & '公开') & '号':* & 'gdp':*");
  });

  it('marks multi-segment terms for verification and verifies substrings', () => {
    const p = parseQuery('〔2022〕15号')!;
    assert.equal(p.exact, false);
    assert.equal(textMatches(p, '石发改〔2022〕15号'), true);
    assert.equal(textMatches(p, '石发改〔2022〕5号 15'), false);
  });

  it('treats the year brackets of a 文号 alike: 〔2026〕, [2026], (2026), （2026）, 【2026】', () => {
    for (const q of ['石政发〔2026〕3号', '石政发[2026]3号', '石政发(2026)3号', '石政发（2026）3号', '石政发【2026】3号', '石政发［2026］3号']) {
      const p = parseQuery(q)!;
      assert.deepEqual(p.terms, ['石政发〔2026〕3号'], q);
      assert.equal(textMatches(p, '关于印发……的通知 石政发[2026]3号'), true, q);
      assert.equal(textMatches(p, '石政发（2026）3号'), true, q);
      assert.equal(textMatches(p, '石政发〔2026〕13号'), false, q);
    }
    // The index never held the brackets: the tokens stay the same.
    assert.equal(tokenize('石政发[2026]3号'), tokenize('石政发〔2026〕3号'));
  });

  it('ignores a query without letters, digits or characters', () => {
    assert.equal(parseQuery(' 。，'), null);
  });
});

describe('longGrams', () => {
  it('gives the 4-character substrings of each run and its last three characters, never across runs', () => {
    // "信息公开" and "石龙区" are separate runs: no "开石龙" or "公开石".
    assert.deepEqual(longGrams(tokenList('信息公开 ABC 石龙区，张')).sort(), ['信息公开', '息公开', '石龙区'].sort());
    assert.deepEqual(longGrams(tokenList('张庄 a 楼')), []);
  });

  it('holds every 3-character substring of a run as the start of a lexeme, so a prefix finds it', () => {
    const run = '关于安全生产专项整治的通知';
    const grams = longGrams(tokenList(run));
    const chars = [...run];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const three = chars.slice(i, i + 3).join('');
      assert.ok(grams.some((g) => g.startsWith(three)), three);
    }
    // Characters outside the Basic Multilingual Plane count as one each.
    assert.deepEqual(longGrams(tokenList('𠀀𠀁𠀂𠀃')).sort(), ['𠀀𠀁𠀂𠀃', '𠀁𠀂𠀃'].sort());
  });
});
