import { z } from 'zod';
import { fidelity } from './fidelity.js';
import {
  AttributeMapping,
  Enclosing,
  Encoding,
  EndOfLine,
  Escaping,
  ImportMode,
  Separator,
} from './format.js';

export const V4ImportParameters = z
  .object({
    mode: ImportMode,
    encoding: Encoding.default('UTF-8'),
    format: z
      .object({
        separator: Separator,
        endOfLine: EndOfLine.optional(),
        enclosing: Enclosing.default('"'),
        escaping: Escaping.default('"'),
      })
      .loose(),
    generateResultFile: z.boolean().default(false),
    attributesMapping: z.array(AttributeMapping).default([]),
  })
  .loose()
  .meta({
    id: 'V4ImportParameters',
    ...fidelity(
      'confirmed',
      'V4 import definition (the `parameters` part). format.enclosing and format.escaping are modelled; unknown keys are ignored.',
    ),
  });
export type V4ImportParametersInput = z.input<typeof V4ImportParameters>;
export type V4ImportParameters = z.output<typeof V4ImportParameters>;
