import type { AttributeRule } from './attribute-rule.js';
import { addCategories } from './category-set.js';

/** Combines a stored value with a new one on update; returns the value to store. */
export type ValueMerge = (previous: string, next: string) => string;

/**
 * How an update combines a new value with the stored one, when it does not just replace it: a
 * SIMPLE segmentation gains the new categories (modelled), every other kind is overwritten.
 */
export function compileValueMerge(rule: AttributeRule): ValueMerge | undefined {
  return rule.kind === 'CATEGORY_SET' ? addCategories(rule.restriction.acceptedValues ?? []) : undefined;
}
