import { z } from 'zod';
import { fidelity } from './fidelity.js';

export const ErrorDetail = z
  .object({
    path: z.string().meta({ description: 'Dotted path of the offending part, field, column or line.' }),
    message: z.string(),
  })
  .meta(fidelity('modelled', 'One validation failure.'));
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error envelope every route answers with. */
export const ErrorEnvelope = z
  .object({
    status: z.number().int(),
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string(),
    errors: z.array(ErrorDetail).optional(),
  })
  .meta({ id: 'ErrorEnvelope', ...fidelity('modelled', 'Error body, the same on every route.') });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
