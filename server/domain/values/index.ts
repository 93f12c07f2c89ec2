export {
  type AttributeRule,
  MAX_STRING_LENGTH,
  ruleForCustomAttribute,
  ruleForProfileAttribute,
  type ValueKind,
} from './attribute-rule.js';
export { compileValueChecker, type ValueCheck, type ValueErrorCode } from './check-value.js';
export { checkTransformationFormat } from './date-format.js';
export { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes.js';
export { toJsonValue } from './to-json-value.js';
export {
  compileTransformations,
  type TransformationOptions,
  type TransformFailure,
  type ValueTransform,
} from './transformations.js';
