export {
  type AttributeRule,
  MAX_STRING_LENGTH,
  ruleForCustomAttribute,
  ruleForProfileAttribute,
  ruleForSegmentation,
  ruleForSubscription,
  SEGMENTATION_PREFIX,
  SUBSCRIPTION_PREFIX,
  type ValueKind,
} from './attribute-rule.js';
export { decodeCategories, withoutCategory } from './category-set.js';
export { compileJsonValueChecker } from './check-json-value.js';
export { compileValueChecker, type ValueCheck, type ValueErrorCode } from './check-value.js';
export { checkTransformationFormat } from './date-format.js';
export { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes.js';
export { type JsonValue, toJsonValue } from './to-json-value.js';
export {
  compileTransformations,
  type TransformationOptions,
  type TransformFailure,
  type ValueTransform,
} from './transformations.js';
export { compileValueMerge, type ValueMerge } from './value-merge.js';
