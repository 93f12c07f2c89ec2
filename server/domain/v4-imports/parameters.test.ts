import { describe, expect, it } from 'vitest';
import { ActitoError } from '../errors.js';
import { parseV4Parameters, v4ImportSpec } from './parameters.js';

describe('V4 parameters', () => {
  it('become an import spec that strips a BOM, detects compression and always keeps an error file', () => {
    const parameters = parseV4Parameters(
      JSON.stringify({
        mode: 'CREATE_ONLY',
        encoding: 'ISO-8859-1',
        format: { separator: ';', endOfLine: 'CRLF' },
        attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
        ignored: true,
      }),
    );
    expect(v4ImportSpec(parameters)).toEqual({
      mode: 'CREATE_ONLY',
      format: { separator: ';', enclosing: '"', escaping: '"', endOfLine: '\r\n', encoding: 'ISO-8859-1' },
      compression: undefined,
      bom: 'strip',
      attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
      transformations: [],
      pathPrefix: 'parameters.',
      generateResultFile: false,
      generateErrorFile: true,
    });
  });

  it('refuses bad JSON and bad fields, naming the part and field', () => {
    expect(() => parseV4Parameters('{')).toThrow(/The parameters part is not valid JSON/);
    try {
      parseV4Parameters(
        JSON.stringify({ mode: 'CREATE_UPDATE', format: { separator: 'ab' }, generateResultFile: 1 }),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ActitoError);
      expect((error as ActitoError).code).toBe('INVALID_DEFINITION');
      expect((error as ActitoError).details.map((d) => d.path)).toEqual([
        'parameters.format.separator',
        'parameters.generateResultFile',
      ]);
    }
  });
});
