import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { holidayBlockName } from './holiday-names.rules.ts';

describe('holiday block names (explanations only)', () => {
  const cases: Array<[string, string, string]> = [
    ['2024-10-01', '2024-10-07', '国庆节'],
    ['2023-09-29', '2023-10-06', '中秋节、国庆节'], // starts in September
    ['2020-10-01', '2020-10-08', '中秋节、国庆节'], // 8 days: 中秋 on 10-01
    ['2022-12-31', '2023-01-02', '元旦'], // crosses the year end
    ['2020-01-24', '2020-02-02', '春节'],
    ['2024-04-04', '2024-04-06', '清明节'],
    ['2022-04-30', '2022-05-04', '劳动节'],
    ['2025-05-31', '2025-06-02', '端午节'],
    ['2024-09-15', '2024-09-17', '中秋节'],
    ['2024-07-15', '2024-07-15', '法定节假日'],
  ];
  for (const [first, last, name] of cases) {
    it(`${first} 至 ${last} → ${name}`, () => assert.equal(holidayBlockName(first, last), name));
  }
});
