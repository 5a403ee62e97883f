// Type tests: `tsc -p tsconfig.json` (npm run typecheck) fails when the typed API regresses.
import { describe, expectTypeOf, it } from 'vitest';
import {
  check,
  generate,
  preview,
  type AppealInput,
  type CheckReport,
  type LetterInput,
  type LmnInput,
  type PrescriptionInput,
  type PriorAuthInput,
} from '../src/index.js';

describe('typed input per kind', () => {
  it('checks the input of generate and preview against the kind named', () => {
    expectTypeOf(generate<'lmn'>)
      .parameter(1)
      .toEqualTypeOf<LmnInput>();
    expectTypeOf(preview<'appeal'>)
      .parameter(1)
      .toEqualTypeOf<AppealInput>();
    expectTypeOf<LetterInput<'prescription'>>().toEqualTypeOf<PrescriptionInput>();
    expectTypeOf<LetterInput<'prior-auth'>>().toEqualTypeOf<PriorAuthInput>();
    expectTypeOf<LmnInput['purpose']>().toEqualTypeOf<'insurance' | 'hsa-fsa'>();
    // A kind chosen at run time takes input of any shape, validated then.
    expectTypeOf<LetterInput<string>>().toBeUnknown();
    expectTypeOf(check).parameter(1).toBeUnknown();
    expectTypeOf(check).returns.toEqualTypeOf<CheckReport>();
    // The input as JSON gives it: a symptom may be a string, defaults may be left out.
    expectTypeOf<{ history: string; symptoms: string[] }>().toExtend<LmnInput['clinical']>();
  });

  it('refuses the wrong input for a kind', () => {
    const never = (): void => {
      // @ts-expect-error -- an lmn needs its purpose, patient, provider and the rest
      void generate('lmn', { date: '2026-11-20' });
      // @ts-expect-error -- a prescription has no purpose
      void preview('prescription', { purpose: 'insurance' });
    };
    expectTypeOf(never).toBeFunction();
  });
});
