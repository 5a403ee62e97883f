import { lookupCarc } from '../../codes/carc.js';

export type Answer = 'necessity' | 'authorization' | 'coverage' | 'other';

// How the letter answers each kind of reason (X12 CARC meanings): necessity, authorization, coverage.
const ANSWERS: Record<Answer, ReadonlySet<number>> = {
  necessity: new Set([50, 151, 167]),
  authorization: new Set([197, 198, 242, 243]),
  coverage: new Set([96, 119, 170, 185, 204]),
  other: new Set(),
};
export function answerFor(reasonCode: string): Answer {
  const number = lookupCarc(reasonCode)?.number;
  const found = (Object.keys(ANSWERS) as Answer[]).find(
    (answer) => number !== undefined && ANSWERS[answer].has(number),
  );
  return found ?? 'other';
}
