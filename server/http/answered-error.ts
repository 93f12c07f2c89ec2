import type { Context } from 'hono';

/** The code and message of the error envelope a request was answered with. */
export interface AnsweredError {
  code: string | null;
  message: string | null;
}

const NO_ERROR: AnsweredError = { code: null, message: null };

/**
 * Reads the error envelope of `c.res`; no code nor message for successes and for bodies that are
 * not one. The small error body is read and put back as a new response: `Response.clone()` would
 * leak memory in Node 20.
 */
export async function answeredError(c: Context): Promise<AnsweredError> {
  const response = c.res;
  if (response.status < 400 || !response.headers.get('content-type')?.includes('json')) return NO_ERROR;
  const text = await response.text();
  c.res = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return {
      code: typeof body.code === 'string' ? body.code : null,
      message: typeof body.message === 'string' ? body.message : null,
    };
  } catch {
    return NO_ERROR;
  }
}
