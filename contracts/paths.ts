import { z } from 'zod';
import { fidelity } from './fidelity.js';

/** The `{entity}` every Actito route carries; other path schemas extend it. */
export const EntityPath = z
  .object({ entity: z.string().min(1).meta({ description: 'Entity name, e.g. demo.' }) })
  .meta(fidelity('confirmed', 'Path parameter naming the Actito entity.'));
export type EntityPath = z.infer<typeof EntityPath>;
