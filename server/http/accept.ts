import type { MiddlewareHandler } from 'hono';
import { ActitoError } from '../domain/errors.js';

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

/** Answers 406 when the client's Accept header excludes what the route produces. */
export function produces(mediaType: string): MiddlewareHandler {
  return async function requireAcceptable(c, next) {
    const accept = c.req.header('accept');
    if (!acceptsMediaType(accept, mediaType)) {
      throw new ActitoError(
        'NOT_ACCEPTABLE',
        `This route answers ${mediaType}, which the Accept header "${accept}" excludes; accept ${mediaType} or */*.`,
      );
    }
    await next();
  };
}
