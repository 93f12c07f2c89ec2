import type { ValueKind } from './attribute-rule.js';

/**
 * A stored (canonical, already checked) value as the API returns it in JSON: numbers and booleans
 * typed, everything else, dates included, as the stored string.
 */
export function toJsonValue(kind: ValueKind, stored: string | null): string | number | boolean | null {
  if (stored === null) return null;
  switch (kind) {
    case 'INTEGER':
    case 'NUMBER':
      return Number(stored);
    case 'BOOLEAN':
      return stored === 'TRUE';
    default:
      return stored;
  }
}
