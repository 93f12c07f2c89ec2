import type { V4ImportParameters } from '../../../contracts/v4.js';
import { V4ImportParameters as V4ImportParametersSchema } from '../../../contracts/v4.js';
import type { ImportSpec } from '../imports/import-spec.js';
import { checkJsonPart, parseJsonPart } from '../imports/json-part.js';

/** Parses the JSON text of the `parameters` part; every fault names the part and field. */
export function parseV4Parameters(json: string, part = 'parameters'): V4ImportParameters {
  return parseJsonPart(json, part, V4ImportParametersSchema);
}

/** Checks already-parsed parameters against the V4 contract. */
export function checkV4Parameters(raw: unknown, part = 'parameters'): V4ImportParameters {
  return checkJsonPart(raw, part, V4ImportParametersSchema);
}

/**
 * The shared import core's view of V4 parameters. V4 strips a UTF-8 byte order mark (a public
 * client sent one and got an id), detects the compression from the bytes, and always keeps an
 * error file, which `GET .../import/{id}/errors` serves whatever the parameters said.
 */
export function v4ImportSpec(parameters: V4ImportParameters): ImportSpec {
  return {
    mode: parameters.mode,
    format: {
      separator: parameters.format.separator,
      enclosing: parameters.format.enclosing,
      escaping: parameters.format.escaping,
      endOfLine: parameters.format.endOfLine,
      encoding: parameters.encoding,
    },
    compression: undefined,
    bom: 'strip',
    attributesMapping: parameters.attributesMapping,
    transformations: [],
    pathPrefix: 'parameters.',
    generateResultFile: parameters.generateResultFile,
    generateErrorFile: true,
  };
}
