import { defineKind } from '../kind.js';
import { priorAuthRules } from './rules.js';
import { PriorAuth } from './schema.js';
import { priorAuthView } from './view.js';

export { PriorAuth } from './schema.js';

export const priorAuth = defineKind({
  name: 'prior-auth',
  title: 'Prior-authorization request',
  purposes: [],
  schema: PriorAuth,
  template: 'prior-auth',
  rules: priorAuthRules,
  view: priorAuthView,
});
