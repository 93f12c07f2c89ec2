import type { EtlDefinition } from '../../../contracts/v5.js';
import { EtlDefinition as EtlDefinitionSchema } from '../../../contracts/v5.js';
import { ActitoError } from '../errors.js';
import type { ImportSpec } from '../imports/import-spec.js';
import { invalidDefinition } from '../imports/plan.js';
import { zodDetails } from '../imports/zod-details.js';

/** Parses the JSON text of the definition part; every fault names the part and field. */
export function parseEtlDefinition(json: string, part = 'definition'): EtlDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ActitoError(
      'INVALID_DEFINITION',
      `The ${part} part is not valid JSON: ${(error as Error).message}.`,
      [{ path: part, message: 'not valid JSON' }],
    );
  }
  const parsed = EtlDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw invalidDefinition(zodDetails(part, parsed.error));
  return parsed.data;
}

export function etlImportSpec(definition: EtlDefinition): ImportSpec {
  return {
    mode: definition.mode,
    format: {
      separator: definition.format.separator,
      enclosing: definition.format.enclosing,
      escaping: definition.format.escaping,
      endOfLine: definition.format.endOfLine,
      encoding: definition.format.encoding,
    },
    compression: definition.file?.compression,
    bom: 'reject',
    attributesMapping: definition.attributesMapping,
    transformations: definition.transformations,
    pathPrefix: 'definition.',
    generateResultFile: definition.outputFiles.generateResultFile,
    generateErrorFile: definition.outputFiles.generateErrorFile,
  };
}
