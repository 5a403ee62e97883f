/**
 * The height that must be free on a page before each piece of a block (a line, an item, a row) is written:
 * a block of up to `wholeUpTo` pieces is kept whole; a longer one never leaves a single piece alone on either
 * side of a page break. `after` is what must follow the last piece on its page (the block a heading introduces).
 * @example
 * keepNeeds([14, 14, 14, 14, 14], 3, 0); // [28, 14, 14, 28, 14]: a break falls after the 2nd or 3rd line
 */
export function keepNeeds(heights: readonly number[], wholeUpTo: number, after: number): number[] {
  const count = heights.length;
  const height = (index: number): number => heights[index] ?? 0;
  const needs = heights.map((_, index) => height(index) + (index === count - 1 ? after : 0));
  if (count === 0) return needs;
  if (count <= wholeUpTo) {
    needs[0] = heights.reduce((sum, piece) => sum + piece, 0) + after;
  } else if (count > 1) {
    needs[0] = height(0) + height(1) + (count === 2 ? after : 0);
    needs[count - 2] = height(count - 2) + height(count - 1) + after;
  }
  return needs;
}
