import { z } from 'zod';
import { fidelity } from './fidelity.js';

/** GET /openapi.json: the document generated from the operation list; only its outline is checked here. */
export const OpenApiDocument = z
  .object({
    openapi: z.string().startsWith('3.1'),
    info: z.object({ title: z.string(), version: z.string(), description: z.string() }).loose(),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.unknown()),
  })
  .loose()
  .meta({
    id: 'OpenApiDocument',
    ...fidelity(
      'modelled',
      'The OpenAPI 3.1 document of every route this mock serves, Actito and control alike.',
    ),
  });
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
