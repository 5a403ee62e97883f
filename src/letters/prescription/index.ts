import { defineKind } from '../kind.js';
import { prescriptionRules } from './rules.js';
import { Prescription } from './schema.js';
import { prescriptionView } from './view.js';

export { Prescription } from './schema.js';

export const prescription = defineKind({
  name: 'prescription',
  title: 'Prescription / referral',
  purposes: [],
  schema: Prescription,
  template: 'prescription',
  rules: prescriptionRules,
  view: prescriptionView,
});
