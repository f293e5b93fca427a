import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHILONG_2022_ITEMS } from './report.seed.ts';
import { demoItemTitle } from './demo-titles.ts';

test('demo titles read like a district portal: no numbered filler, no title repeated among neighbours', () => {
  for (const [kind, count] of SHILONG_2022_ITEMS) {
    const titles = Array.from({ length: count }, (_, i) => demoItemTitle(kind, i));
    for (const t of titles) assert.doesNotMatch(t, /第\d+条|演示/, t);
    for (let i = 1; i < titles.length; i++) assert.notEqual(titles[i], titles[i - 1], `${kind} ${i}`);
    // Policy documents and their interpretations are each one of a kind.
    if (kind === 'policy_document' || kind === 'interpretation') assert.equal(new Set(titles).size, count);
  }
});
