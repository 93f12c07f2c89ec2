import { z } from 'zod';
import { fidelity } from './fidelity.js';

export const TokenResponse = z
  .object({
    accessToken: z.string().min(1),
    tokenType: z.literal('bearer'),
    expiresIn: z.string().regex(/^\d+s$/),
    scope: z.string(),
    jti: z.uuid(),
  })
  .meta({
    id: 'TokenResponse',
    ...fidelity('confirmed', 'GET /auth/token answer; expiresIn is a string with an s suffix.'),
  });
export type TokenResponse = z.infer<typeof TokenResponse>;
