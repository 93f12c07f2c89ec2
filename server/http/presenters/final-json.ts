const FINAL_BODIES = new WeakMap<object, string>();

/** What `c.json` sends; given as an object of one header, Hono hands it to the response as is. */
export const JSON_CONTENT_TYPE = { 'Content-Type': 'application/json' } as const;

/**
 * The JSON text of a record's status body. Clients poll it, and a final record's body never changes
 * again: it is serialized once and kept beside the record (collected with it).
 */
export function statusJson<R extends { run: { status: { isFinal: boolean } } }>(
  record: R,
  present: (record: R) => unknown,
): string {
  const kept = FINAL_BODIES.get(record);
  if (kept !== undefined) return kept;
  const text = JSON.stringify(present(record));
  if (record.run.status.isFinal) FINAL_BODIES.set(record, text);
  return text;
}
