import type { z } from 'zod';
import type { ErrorDetail } from '../../../contracts/errors.js';

/** zod issues as error details whose paths start with the part name (`definition.format.separator`). */
export function zodDetails(part: string, error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [
      part,
      ...issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))),
    ]
      .join('.')
      .replaceAll('.[', '['),
    message: issue.message,
  }));
}
