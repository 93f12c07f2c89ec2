import { z } from 'zod';

/**
 * How sure we are that a shape matches the real Actito API.
 * `confirmed`: stated by Actito's public documentation or seen in a real public client.
 * `modelled`: chosen by this project because Actito publishes nothing about it.
 */
export const Fidelity = z.enum(['confirmed', 'modelled']);
export type Fidelity = z.infer<typeof Fidelity>;

/** Metadata attached to a schema with `.meta()`; it ends up in the OpenAPI document. */
export function fidelity(
  level: Fidelity,
  description: string,
): { description: string; 'x-actito-fidelity': Fidelity } {
  return { description, 'x-actito-fidelity': level };
}
