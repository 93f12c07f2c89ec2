import { z } from 'zod';

/**
 * How sure we are that a shape matches the real Actito API.
 * `confirmed`: stated by Actito's public documentation or seen in a real public client.
 * `observed`: seen only in public client code (Actito's own SDK and demos, third-party clients),
 * not in a specification: the call is made that way, the answer is what those clients read.
 * `modelled`: chosen by this project because Actito publishes nothing about it.
 */
const FIDELITY_LEVELS = ['confirmed', 'observed', 'modelled'] as const;
export const Fidelity = z
  .enum(FIDELITY_LEVELS)
  .meta(fidelity('modelled', 'How sure the mock is that a shape matches the real Actito API.'));
// Spelled from the tuple, not inferred: the schema's own mark is typed with it.
export type Fidelity = (typeof FIDELITY_LEVELS)[number];

/** Metadata attached to a schema with `.meta()`; it ends up in the OpenAPI document. */
export function fidelity(
  level: Fidelity,
  description: string,
): { description: string; 'x-actito-fidelity': Fidelity } {
  return { description, 'x-actito-fidelity': level };
}
