import type { EtlDefinition } from '../../../contracts/v5.js';
import { EtlDefinition as EtlDefinitionSchema } from '../../../contracts/v5.js';
import type { ImportSpec } from '../imports/import-spec.js';
import { parseJsonPart } from '../imports/json-part.js';

/** Parses the JSON text of the definition part; every fault names the part and field. */
export function parseEtlDefinition(json: string, part = 'definition'): EtlDefinition {
  return parseJsonPart(json, part, EtlDefinitionSchema);
}

/** What an import spec takes from a V5 definition: a one-shot one, or one table entry of a persistent ETL. */
export type EtlSpecSource = Pick<
  EtlDefinition,
  'mode' | 'format' | 'file' | 'attributesMapping' | 'transformations' | 'outputFiles'
>;

export function etlImportSpec(definition: EtlSpecSource, pathPrefix = 'definition.'): ImportSpec {
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
    pathPrefix,
    generateResultFile: definition.outputFiles.generateResultFile,
    generateErrorFile: definition.outputFiles.generateErrorFile,
  };
}
