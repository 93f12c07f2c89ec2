import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * A request header, as the Fetch `Headers` of the request would give it (repeated values joined
 * with ", "). On @hono/node-server it is read from Node's parsed headers instead: the first look
 * at `c.req.raw.headers` builds a whole `Headers` object, a good part of what a status poll cost.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headersDistinct) return incoming.headersDistinct[name]?.join(', ');
  return c.req.header(name);
}
