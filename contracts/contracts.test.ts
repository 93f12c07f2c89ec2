import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from './index.js';

const exportedSchemas = Object.entries(contracts as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);
const contractSources = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => readFileSync(new URL(name, import.meta.url), 'utf8'))
  .join('\n');

/** Every schema an operation names: request parts, parameters and response bodies. */
function operationSchemas(operation: contracts.Operation): [string, z.ZodType][] {
  const { request = {} } = operation;
  const found: [string, z.ZodType | undefined][] = [
    ['params', request.params],
    ['query', request.query],
    ['json', request.json],
    ['multipart', request.multipart],
    ...Object.entries(operation.responses).flatMap(
      ([status, response]): [string, z.ZodType | undefined][] => [
        [`${status} json`, response.json],
        [`${status} ${response.contentType}`, response.schema],
      ],
    ),
  ];
  return found.filter((entry): entry is [string, z.ZodType] => entry[1] !== undefined);
}

describe('actito-mock/contracts', () => {
  it('exports schemas', () => {
    expect(exportedSchemas.length).toBeGreaterThan(40);
  });

  it.each(exportedSchemas)(
    'marks %s confirmed, observed or modelled, with a description',
    (_name, schema) => {
      const meta = schema.meta() ?? {};
      expect(contracts.Fidelity.options).toContain(meta['x-actito-fidelity']);
      expect(meta.description).toEqual(expect.any(String));
    },
  );

  it.each(exportedSchemas)('exports a type named like the schema %s', (name) => {
    expect(contractSources).toMatch(new RegExp(`export type ${name}\\b`));
  });

  it('names every schema of every operation among its exports', () => {
    const exported = new Set<unknown>(exportedSchemas.map(([, schema]) => schema));
    const strays = contracts.allOperations.flatMap((operation) =>
      operationSchemas(operation)
        .filter(([, schema]) => !exported.has(schema))
        .map(([place]) => `${operation.id} ${place}`),
    );
    expect(strays).toEqual([]);
  });

  it('gives every operation a unique id and a fidelity mark', () => {
    const ids = contracts.allOperations.map((operation) => operation.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of contracts.allOperations) {
      expect(contracts.Fidelity.options).toContain(operation.fidelity);
    }
  });

  it('describes the multipart parts of an ETL execution upload by part name', () => {
    const upload = contracts.EtlExecutionUpload.parse({
      definition: { table: { type: 'PROFILE_TABLE', name: 'Profiles' }, mode: 'CREATE_UPDATE' },
      inputFile: new File(['mail\n'], 'profiles.csv', { type: 'text/csv' }),
    });
    expect(upload.definition.format.separator).toBe(';');
    expect(upload.inputFile?.name).toBe('profiles.csv');
  });
});
