/**
 * EMAIL parser: a dot-atom local part (RFC 5322 without quoted strings or comments), one `@`, and a
 * DNS host name of at least two labels whose last label is alphabetic or punycode. This is the
 * "sensible address" subset mail senders accept; exotic forms that pass RFC 5322 but that no
 * campaign tool can deliver to are rejected. The domain is lowercased because DNS is
 * case-insensitive; the local part is kept as written because, strictly, it is not.
 */

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
// Neither part can backtrack badly: '.' and '@' are outside every repeated class.
const LOCAL_PART = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$`);
const UPPERCASE = /[A-Z]/;

/** RFC 5321 path limits: 64 octets of local part, 254 for the whole address. */
const MAX_LOCAL_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;

export function parseEmail(raw: string): string | undefined {
  if (raw.length > MAX_ADDRESS_LENGTH) return undefined;
  const at = raw.indexOf('@');
  if (at < 1 || at > MAX_LOCAL_LENGTH) return undefined;
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1);
  if (!LOCAL_PART.test(local) || !DOMAIN.test(domain)) return undefined;
  return UPPERCASE.test(domain) ? `${local}@${domain.toLowerCase()}` : raw;
}
