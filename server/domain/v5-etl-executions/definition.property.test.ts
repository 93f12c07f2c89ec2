import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from '../../../test/helpers/fuzz.js';
import { createManualClock } from '../clock.js';
import { ActitoError } from '../errors.js';
import { chunksSource } from '../imports/data-source.js';
import type { ImportPlan } from '../imports/plan.js';
import { stageFile } from '../imports/stage.js';
import { MockCore } from '../mock-core.js';
import { planV4Import } from '../v4-imports/service.js';
import { planEtlExecution } from './service.js';

const tenant = new MockCore({ clock: createManualClock() }).tenant();
const profiles = tenant.entity('demo').tableByNameOrId('PROFILE_TABLE', 'Profiles');

const CHARS = [
  ',',
  ';',
  '\t',
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\r\n',
  'TAB',
  '\\t',
  '€',
  '\ufeff',
  '',
  'ab',
  ' ',
];
/** Values a field may be given: of its own type or not, odd or not. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...CHARS),
  fc.constantFrom(
    'CREATE_UPDATE',
    'CREATE_ONLY',
    'UPDATE_ONLY',
    'PROFILE_TABLE',
    'CUSTOM_TABLE',
    'Profiles',
    'Orders',
  ),
  fc.constantFrom('UTF-8', 'ISO-8859-1', 'LF', 'CRLF', 'CR', 'ZIP', 'GZIP', 'NONE', 'dd/MM/yyyy', 'yyyy'),
);
const mapping = fc.array(
  fc.record({
    headerColumn: fc.oneof(fc.constantFrom('mail', 'first', ''), anyValue),
    attributeName: fc.oneof(fc.constantFrom('emailAddress', 'firstName', 'profileId', 'nope'), anyValue),
  }),
  { maxLength: 3 },
);
const format = fc.record(
  { separator: anyValue, enclosing: anyValue, escaping: anyValue, endOfLine: anyValue, encoding: anyValue },
  { requiredKeys: [] },
);
const transformation = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('TRIM', 'UPPERCASE', 'VALUE_MAPPING', 'DATE_FORMAT', 'DEFAULT_VALUE'),
      anyValue,
    ),
    headerColumn: fc.oneof(fc.constantFrom('mail', 'first'), anyValue),
    mapping: anyValue,
    fromFormat: anyValue,
    value: anyValue,
  },
  { requiredKeys: ['type'] },
);

const VALID = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
};
const formatChar = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHARS) }, anyValue);

/** Definitions near a valid one: a few keys changed to anything, or to what is almost right. */
const definition = fc
  .record(
    {
      table: fc.oneof(
        fc.record(
          { type: fc.oneof(fc.constant('PROFILE_TABLE'), anyValue), name: anyValue, id: anyValue },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
      mode: anyValue,
      file: fc.oneof(
        fc.record({ compression: anyValue, fileNamePattern: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
      format: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record(
            {
              separator: formatChar,
              enclosing: formatChar,
              escaping: formatChar,
              endOfLine: anyValue,
              encoding: anyValue,
            },
            { requiredKeys: [] },
          ),
        },
        format,
        anyValue,
      ),
      attributesMapping: fc.oneof(mapping, anyValue),
      transformations: fc.oneof(fc.array(transformation, { maxLength: 2 }), anyValue),
      outputFiles: fc.oneof(
        fc.record({ generateResultFile: anyValue, generateErrorFile: anyValue }),
        anyValue,
      ),
      reportRecipients: anyValue,
      unknown: anyValue,
    },
    { requiredKeys: [] },
  )
  .chain((changes) =>
    // Mostly one or two keys changed, so the rest is valid and the change reaches the reader.
    fc
      .subarray(Object.keys(changes), { maxLength: Math.min(3, Object.keys(changes).length) })
      .map((keys) => ({
        ...VALID,
        ...Object.fromEntries(keys.map((key) => [key, changes[key as keyof typeof changes]])),
      })),
  );

/** JSON text of such a definition, sometimes cut or with a byte order mark, or any text at all. */
const definitionText = fc.oneof(
  definition.map((value) => JSON.stringify(value)),
  fc.tuple(definition, fc.nat()).map(([value, cut]) => JSON.stringify(value).slice(0, cut)),
  definition.map((value) => `\ufeff${JSON.stringify(value)}`),
  fc.string({ maxLength: 40 }),
);

const FILES = [
  'mail;first\nann@example.com;Ann\n',
  'mail,first\r\n"a@example.com",b\r\n',
  'emailAddress\n\u0000\n',
];

/** Planning refuses with ActitoError or yields a plan whose files the reader can always stage. */
async function expectPlanOrActitoError(plan: () => ImportPlan, file: string): Promise<void> {
  let planned: ImportPlan;
  try {
    planned = plan();
  } catch (error) {
    if (!(error instanceof ActitoError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return;
  }
  // A file-level failure is a result, never a throw; a throw means the plan accepted a format
  // the reader cannot honour (separator equal to enclosing answered 500 that way).
  await stageFile(planned, chunksSource('data.csv', [new TextEncoder().encode(file)]).chunks);
}

it(
  'refuses any V5 definition with an ActitoError, or plans one whose files can be read and whose echo can be written',
  async () => {
    await fc.assert(
      fc.asyncProperty(definitionText, fc.constantFrom(...FILES), async (text, file) => {
        await expectPlanOrActitoError(() => {
          const planned = planEtlExecution(tenant, 'demo', text);
          JSON.stringify(planned.definition);
          return planned.plan;
        }, file);
      }),
      fuzzParameters(500),
    );
  },
  FUZZ_TIMEOUT_MS,
);

it(
  'refuses any V4 parameters with an ActitoError, or plans them so that files can be read',
  async () => {
    // V4 keeps the encoding at the top level and knows no table, file or transformations.
    const parameters = definition.map((value: Record<string, unknown>) => {
      const { table: _table, file: _file, transformations: _transformations, unknown, ...rest } = value;
      return {
        ...rest,
        format: rest.format ?? { separator: ';' },
        ...(unknown === undefined ? {} : { encoding: unknown }),
      };
    });
    const text = fc.oneof(
      parameters.map((value) => JSON.stringify(value)),
      definitionText,
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...FILES), async (json, file) => {
        await expectPlanOrActitoError(() => {
          const planned = planV4Import(tenant, 'demo', profiles, json);
          JSON.stringify(planned.parameters);
          return planned.plan;
        }, file);
      }),
      fuzzParameters(500),
    );
  },
  FUZZ_TIMEOUT_MS,
);
