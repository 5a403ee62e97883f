import { describe, expect, it } from 'vitest';
import * as codes from '../../src/codes/index.js';

describe('src/codes/index', () => {
  it('re-exports the reference data and checks', () => {
    expect(Object.keys(codes).sort()).toEqual([
      'CARC_CODES',
      'CPT_CODES',
      'CodeSetUnreadableError',
      'EXCLUDES1_NOTES',
      'ICD10CM_TABLE',
      'OFFICIAL_ICD10CM_FILES',
      'OUTCOME_MEASURES',
      'assessChange',
      'createIcd10cmCodeSet',
      'createIcd10cmCodeSets',
      'distributeUnits',
      'findExcludes1Conflicts',
      'fiscalYearOf',
      'isCarcFormat',
      'isIcdCodeFormat',
      'isInjuryCode',
      'isProcedureCodeFormat',
      'isSequela',
      'isValidNpi',
      'loadIcd10cmCodeSet',
      'lookupCarc',
      'lookupCpt',
      'lookupIcd',
      'lookupOutcomeMeasure',
      'mergeIcd10cmCodeSets',
      'normalizeIcdCode',
      'officialIcd10cmCodeSets',
      'searchIcd',
      'toDisplay',
      'toDotless',
      'unitsForMinutes',
    ]);
  });
});
