import { describe, expect, it } from 'vitest';
import { EtlDefinition } from '../../../contracts/v5.js';
import { ActitoError } from '../errors.js';
import { convertV4ImportToV5 } from './convert-v4-to-v5.js';

const full = {
  mode: 'CREATE_ONLY',
  encoding: 'ISO-8859-1',
  format: { separator: 'TAB', endOfLine: 'CRLF', enclosing: "'", escaping: '\\' },
  generateResultFile: true,
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
  ],
};

describe('convertV4ImportToV5', () => {
  it('maps every V4 key to its V5 place', () => {
    const { definition } = convertV4ImportToV5({
      parameters: full,
      tableType: 'PROFILE_TABLE',
      table: 'Profiles',
    });
    expect(definition).toEqual({
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      mode: 'CREATE_ONLY',
      format: { separator: '\t', enclosing: "'", escaping: '\\', endOfLine: '\r\n', encoding: 'ISO-8859-1' },
      attributesMapping: full.attributesMapping,
      outputFiles: { generateResultFile: true, generateErrorFile: true },
    });
    expect(EtlDefinition.safeParse(definition).success).toBe(true);
  });

  it('fills in the V4 defaults explicitly, for a custom table', () => {
    const { definition } = convertV4ImportToV5({
      parameters: { mode: 'UPDATE_ONLY', format: { separator: ',' } },
      tableType: 'CUSTOM_TABLE',
      table: 'Orders',
    });
    expect(definition).toEqual({
      table: { type: 'CUSTOM_TABLE', name: 'Orders' },
      mode: 'UPDATE_ONLY',
      format: { separator: ',', enclosing: '"', escaping: '"', encoding: 'UTF-8' },
      attributesMapping: [],
      outputFiles: { generateResultFile: false, generateErrorFile: true },
    });
    expect(EtlDefinition.parse(definition)).toMatchObject({ mode: 'UPDATE_ONLY' });
  });

  it.each([
    ['LF', '\n'],
    ['\\n', '\n'],
    ['\n', '\n'],
    ['CR', '\r'],
    ['\r\n', '\r\n'],
  ])('writes endOfLine %j as %j', (endOfLine, expected) => {
    const { definition } = convertV4ImportToV5({
      parameters: { mode: 'CREATE_UPDATE', format: { separator: ';', endOfLine } },
      tableType: 'PROFILE_TABLE',
      table: 'Profiles',
    });
    expect(definition.format?.endOfLine).toBe(expected);
  });

  it('carries subscriptions#<name> and segmentations#<name> mappings over as they are', () => {
    const attributesMapping = [
      { headerColumn: 'mail', attributeName: 'emailAddress' },
      { headerColumn: 'subscriptions#Newsletter', attributeName: 'subscriptions#Newsletter' },
      { headerColumn: 'likes', attributeName: 'segmentations#Interests' },
    ];
    const { definition } = convertV4ImportToV5({
      parameters: { mode: 'CREATE_UPDATE', format: { separator: ';' }, attributesMapping },
      tableType: 'PROFILE_TABLE',
      table: 'Profiles',
    });
    expect(definition.attributesMapping).toEqual(attributesMapping);
  });

  it('reads the parameters from JSON text too', () => {
    const fromText = convertV4ImportToV5({
      parameters: JSON.stringify(full),
      tableType: 'PROFILE_TABLE',
      table: 'Profiles',
    });
    expect(fromText).toEqual(
      convertV4ImportToV5({ parameters: full, tableType: 'PROFILE_TABLE', table: 'Profiles' }),
    );
  });

  it('notes what changed meaning and what V5 adds, for every conversion', () => {
    const { notes } = convertV4ImportToV5({
      parameters: full,
      tableType: 'PROFILE_TABLE',
      table: 'Profiles',
    });
    expect(notes.map((note) => `${note.kind} ${note.path}`)).toEqual([
      'changed inputFile',
      'changed outputFiles.generateResultFile',
      'changed outputFiles.generateErrorFile',
      'changed status',
      'new-in-v5 definition',
    ]);
    expect(notes[0]?.message).toMatch(/V4 stripped a UTF-8 byte order mark.*V5 refuses/);
    expect(notes[1]?.message).toMatch(/result-file \(a zip holding result\.csv\).*inside GET .*output-files/);
    expect(notes[4]?.message).toMatch(/transformations .*remoteLocation, reportRecipients/);
  });

  it('reports unknown keys, format.encoding, an empty mapping and a table id', () => {
    const { definition, notes } = convertV4ImportToV5({
      parameters: {
        mode: 'CREATE_UPDATE',
        format: { separator: ';', encoding: 'ISO-8859-1', quote: '"' },
        skipLines: 1,
      },
      tableType: 'PROFILE_TABLE',
      table: '16',
    });
    expect(definition).not.toHaveProperty('skipLines');
    expect(definition.format).toEqual({ separator: ';', enclosing: '"', escaping: '"', encoding: 'UTF-8' });
    expect(notes.filter((note) => note.kind !== 'new-in-v5').map((note) => [note.kind, note.path])).toEqual([
      ['unmapped', 'parameters.skipLines'],
      ['unmapped', 'parameters.format.encoding'],
      ['unmapped', 'parameters.format.quote'],
      ['changed', 'table.name'],
      ['changed', 'attributesMapping'],
      ['changed', 'inputFile'],
      ['changed', 'outputFiles.generateErrorFile'],
      ['changed', 'status'],
    ]);
    expect(notes[1]?.message).toContain('top-level "encoding"');
    expect(notes[3]?.message).toContain('"id": "16"');
  });

  it.each([
    ['not JSON', '{"mode": ', 'parameters', /not valid JSON/],
    ['not an object', [], 'parameters', /object/],
    ['no mode', { format: { separator: ';' } }, 'parameters.mode', /./],
    ['an unknown mode', { mode: 'UPSERT', format: { separator: ';' } }, 'parameters.mode', /./],
    ['no format', { mode: 'CREATE_UPDATE' }, 'parameters.format', /./],
    [
      'a long separator',
      { mode: 'CREATE_UPDATE', format: { separator: ';;' } },
      'parameters.format.separator',
      /exactly one character/,
    ],
    [
      'a bad encoding',
      { mode: 'CREATE_UPDATE', encoding: 'UTF-16', format: { separator: ';' } },
      'parameters.encoding',
      /./,
    ],
    [
      'a mapping without attribute',
      { mode: 'CREATE_UPDATE', format: { separator: ';' }, attributesMapping: [{ headerColumn: 'mail' }] },
      'parameters.attributesMapping[0].attributeName',
      /./,
    ],
    [
      'a non-boolean generateResultFile',
      { mode: 'CREATE_UPDATE', format: { separator: ';' }, generateResultFile: 'yes' },
      'parameters.generateResultFile',
      /./,
    ],
  ])('refuses parameters with %s, naming the field', (_case, parameters, path, message) => {
    let thrown: unknown;
    try {
      convertV4ImportToV5({ parameters, tableType: 'PROFILE_TABLE', table: 'Profiles' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ActitoError);
    expect((thrown as ActitoError).details[0]?.path).toBe(path);
    expect((thrown as ActitoError).message).toMatch(message);
  });

  it('refuses a missing table or an unknown table type', () => {
    const parameters = { mode: 'CREATE_UPDATE', format: { separator: ';' } };
    expect(() => convertV4ImportToV5({ parameters, tableType: 'PROFILE_TABLE', table: ' ' })).toThrow(
      /table is missing/,
    );
    expect(() => convertV4ImportToV5({ parameters, tableType: 'TABLE' as never, table: 'Profiles' })).toThrow(
      /PROFILE_TABLE or CUSTOM_TABLE/,
    );
  });
});
