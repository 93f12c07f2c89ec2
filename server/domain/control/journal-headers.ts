const REDACTED = '[redacted]';
const SCHEME = /^(bearer|basic)\s/i;
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * The request headers as a small plain object for the journal (names in lower case), with the
 * credentials replaced: a test may check that a Bearer token was sent, never read it back.
 */
export function journalHeaders(headers: Headers): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = SECRET_HEADERS.has(name) ? redacted(value) : value;
  });
  return copy;
}

/** Keeps the scheme (`Bearer [redacted]`); an API key sent bare becomes `[redacted]`. */
function redacted(value: string): string {
  const scheme = SCHEME.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}
