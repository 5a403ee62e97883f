import { defineKind } from '../kind.js';
import { appealRules } from './rules.js';
import { Appeal } from './schema.js';
import { appealView } from './view.js';

export { Appeal } from './schema.js';

export const appeal = defineKind({
  name: 'appeal',
  title: 'Appeal of a denied claim',
  purposes: [],
  schema: Appeal,
  template: 'appeal',
  rules: appealRules,
  view: appealView,
});
