import { describe, expect, it } from 'vitest';
import { keepNeeds } from '../../src/pdf/keep-needs.js';

describe('keepNeeds', () => {
  it('keeps a short block whole, with what must follow it', () => {
    expect(keepNeeds([10, 20, 30], 3, 5)).toEqual([65, 20, 35]);
    expect(keepNeeds([10], 3, 7)).toEqual([17]);
  });

  it('keeps two pieces on each side of any break in a longer block', () => {
    expect(keepNeeds([10, 10, 10, 10, 10], 3, 0)).toEqual([20, 10, 10, 20, 10]);
    expect(keepNeeds([10, 10, 10, 10], 3, 4)).toEqual([20, 10, 24, 14]);
  });

  it('asks nothing of an empty block', () => {
    expect(keepNeeds([], 3, 9)).toEqual([]);
  });
});
