/** Longest excerpt of a value repeated in a message; the error file carries the full value anyway. */
const MAX_QUOTED_LENGTH = 60;

/**
 * A value as it appears in an error message: in double quotes, with quotes and control characters
 * escaped (JSON string syntax) so a message stays on one line and its end is unambiguous.
 */
export function quoteValue(value: string): string {
  if (value.length <= MAX_QUOTED_LENGTH) return JSON.stringify(value);
  // Never cut between the two halves of a surrogate pair (an emoji would print as \ud83d).
  const last = value.charCodeAt(MAX_QUOTED_LENGTH - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_QUOTED_LENGTH - 1 : MAX_QUOTED_LENGTH;
  return `${JSON.stringify(value.slice(0, end))}…`;
}
