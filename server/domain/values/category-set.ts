/**
 * The categories a profile holds in a SIMPLE segmentation. Stored as one string, like every value
 * (so a row stays one string per column): a JSON array, in the segmentation's declared order.
 */
export function encodeCategories(categories: readonly string[]): string {
  return JSON.stringify(categories);
}

export function decodeCategories(stored: string): string[] {
  return JSON.parse(stored) as string[];
}

/** The union of two stored sets, in declared order: what an import value does to a SIMPLE segmentation. */
export function addCategories(declared: readonly string[]): (previous: string, next: string) => string {
  return (previous, next) => {
    const held = new Set([...decodeCategories(previous), ...decodeCategories(next)]);
    return encodeCategories(declared.filter((category) => held.has(category)));
  };
}

/** A stored set without `category`; null once empty (no category is stored as no value). */
export function withoutCategory(stored: string, category: string): string | null {
  const held = decodeCategories(stored).filter((c) => c !== category);
  return held.length === 0 ? null : encodeCategories(held);
}
