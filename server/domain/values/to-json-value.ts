import type { ValueKind } from './attribute-rule.js';
import { decodeCategories } from './category-set.js';

export type JsonValue = string | number | boolean | string[] | null;

/**
 * A stored (canonical, already checked) value as the API returns it in JSON: numbers, booleans
 * (subscriptions too) and category sets typed, everything else, dates included, as the stored string.
 */
export function toJsonValue(kind: ValueKind, stored: string | null): JsonValue {
  if (stored === null) return null;
  switch (kind) {
    case 'INTEGER':
    case 'NUMBER':
      return Number(stored);
    case 'BOOLEAN':
    case 'SUBSCRIPTION':
      return stored === 'TRUE';
    case 'CATEGORY_SET':
      return decodeCategories(stored);
    default:
      return stored;
  }
}
