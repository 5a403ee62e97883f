import { defineKind } from '../kind.js';
import { lmnRules } from './rules.js';
import { Lmn } from './schema.js';
import { lmnView } from './view.js';

export { Lmn, LmnHsaFsa, LmnInsurance } from './schema.js';

export const lmn = defineKind({
  name: 'lmn',
  title: 'Letter of Medical Necessity',
  purposes: ['insurance', 'hsa-fsa'],
  schema: Lmn,
  template: 'lmn',
  rules: lmnRules,
  view: lmnView,
});
