import type { MiddlewareHandler } from 'hono';
import { ActitoError } from '../domain/errors.js';
import { requestHeader } from './request-header.js';

/** Whether an Accept header admits `mediaType` (a missing header admits everything; q=0 excludes). */
export function acceptsMediaType(accept: string | undefined, mediaType: string): boolean {
  if (!accept || accept.trim() === '') return true;
  const [type, subtype] = mediaType.split('/');
  return accept.split(',').some((range) => {
    const [value = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) <= 0) return false;
    const [rangeType, rangeSubtype] = value.split('/');
    return (rangeType === '*' || rangeType === type) && (rangeSubtype === '*' || rangeSubtype === subtype);
  });
}

/** Accept headers remembered per route: clients send the same one on every call. */
const REMEMBERED_ACCEPTS = 64;

/** Answers 406 when the client's Accept header excludes what the route produces. */
export function produces(mediaType: string): MiddlewareHandler {
  // A poll should not parse the same header again and again: verdicts are kept for a few headers.
  const verdicts = new Map<string, boolean>();
  const accepts = (accept: string | undefined): boolean => {
    if (accept === undefined) return true;
    let verdict = verdicts.get(accept);
    if (verdict === undefined) {
      verdict = acceptsMediaType(accept, mediaType);
      if (verdicts.size >= REMEMBERED_ACCEPTS) verdicts.clear();
      verdicts.set(accept, verdict);
    }
    return verdict;
  };
  return async function requireAcceptable(c, next) {
    const accept = requestHeader(c, 'accept');
    if (!accepts(accept)) {
      throw new ActitoError(
        'NOT_ACCEPTABLE',
        `This route answers ${mediaType}, which the Accept header "${accept}" excludes; accept ${mediaType} or */*.`,
      );
    }
    await next();
  };
}
