/** Per presenter, the JSON text of each final record it presented. */
const FINAL_BODIES = new WeakMap<(record: never) => unknown, WeakMap<object, string>>();

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
  let bodies = FINAL_BODIES.get(present);
  if (bodies === undefined) {
    bodies = new WeakMap();
    FINAL_BODIES.set(present, bodies);
  }
  const kept = bodies.get(record);
  if (kept !== undefined) return kept;
  const text = JSON.stringify(present(record));
  if (record.run.status.isFinal) bodies.set(record, text);
  return text;
}
