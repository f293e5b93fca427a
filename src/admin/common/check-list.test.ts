import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toggled } from './check-list.ts';

describe('a check list\'s ticks', () => {
  const options = [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }, { value: 'c', label: '丙' }];

  it('adds a tick in the options\' order and takes one away', () => {
    assert.deepEqual(toggled(options, ['c'], 'a', true), ['a', 'c']);
    assert.deepEqual(toggled(options, ['a', 'b', 'c'], 'b', false), ['a', 'c']);
  });

  it('ticks a box already ticked once, and keeps nothing that is not an option', () => {
    assert.deepEqual(toggled(options, ['a', 'a', 'z'], 'a', true), ['a']);
    assert.deepEqual(toggled([{ value: 1, label: '一' }, { value: 2, label: '二' }], [2], 1, true), [1, 2]);
  });
});
