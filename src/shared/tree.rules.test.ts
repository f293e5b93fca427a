import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ancestorChain, descendantIds, wouldCreateCycle } from './tree.rules.ts';

//   1
//   ├── 2
//   │   └── 4
//   └── 3
// and 5 ↔ 6, a loop already in the data
const tree = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: 6 },
  { id: 6, parentId: 5 },
];

describe('tree walks', () => {
  it('refuses a node under itself or under its own descendant, allows any other parent', () => {
    assert.equal(wouldCreateCycle(tree, 2, 2), true);
    assert.equal(wouldCreateCycle(tree, 2, 4), true);
    assert.equal(wouldCreateCycle(tree, 1, 4), true);
    assert.equal(wouldCreateCycle(tree, 2, 3), false);
    assert.equal(wouldCreateCycle(tree, 4, 1), false);
    assert.equal(wouldCreateCycle(tree, 3, null), false);
  });

  it('refuses a parent whose own chain already loops', () => {
    assert.equal(wouldCreateCycle(tree, 3, 5), true);
  });

  it('walks up and down a loop already in the data once, without hanging', () => {
    assert.deepEqual(ancestorChain(tree, 4), [4, 2, 1]);
    assert.deepEqual(ancestorChain(tree, 5), [5, 6]);
    assert.deepEqual(descendantIds(tree, 1), [1, 2, 3, 4]);
    assert.deepEqual(descendantIds(tree, 6), [6, 5]);
    assert.deepEqual(ancestorChain(tree, 99), []);
  });
});
