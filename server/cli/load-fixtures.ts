import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { EntityFixture, MockFixture } from '../../contracts/fixture.js';
import { MockFixture as MockFixtureSchema } from '../../contracts/fixture.js';
import { buildSeededEntity } from '../domain/control/seed-entity.js';
import { ActitoError } from '../domain/errors.js';

/** One fixture file: any part of a fixture, merged with the other files of its folder. */
const FixtureFile = MockFixtureSchema.partial();

/** Used when no file names an API key, so a folder of entity files is enough. */
const DEFAULT_API_KEYS = ['mock-api-key'];

/**
 * The fixture `ACTITO_MOCK_FIXTURES` names: one JSON file, or a folder whose `*.json` files are
 * merged (API keys pooled, entities listed once each). Every row is checked as an import would
 * check it. Throws a TypeError naming the file and the field at fault.
 */
export function loadFixtureFiles(target: string): MockFixture {
  const files = fixtureFiles(target);
  const apiKeys = new Set<string>();
  const entities: EntityFixture[] = [];
  const origin = new Map<string, string>();
  const sources: string[] = [];
  for (const file of files) {
    const part = parseFile(file);
    for (const key of part.apiKeys ?? []) apiKeys.add(key);
    if (part.source) sources.push(part.source);
    (part.entities ?? []).forEach((entity, index) => {
      const other = origin.get(entity.name);
      if (other) {
        throw new TypeError(
          `${file}: entities[${index}]: entity "${entity.name}" is already defined in ${other}; define each entity in one file`,
        );
      }
      checkRows(file, index, entity);
      origin.set(entity.name, file);
      entities.push(entity);
    });
  }
  if (entities.length === 0) {
    throw new TypeError(`${target}: no entity defined; add "entities": [...] to a fixture file`);
  }
  return {
    source: sources.join('; ') || `ACTITO_MOCK_FIXTURES=${target}`,
    apiKeys: apiKeys.size > 0 ? [...apiKeys] : DEFAULT_API_KEYS,
    entities,
  };
}

function fixtureFiles(target: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    throw new TypeError(`${target}: no such file or folder`);
  }
  if (!isFolder) return [target];
  const files = readdirSync(target)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(target, name));
  if (files.length === 0) throw new TypeError(`${target}: the folder holds no *.json file`);
  return files;
}

function parseFile(file: string): z.output<typeof FixtureFile> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TypeError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = FixtureFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const faults = parsed.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  throw new TypeError(`${file}: ${faults.join('; ')}`);
}

/** `entities[0].profileTables[1].name`, as the other messages name fields. */
function fieldPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${String(segment)}`))
    .join('');
  return text || '(root)';
}

/** Builds the entity once, so a bad row stops the start-up instead of the first request. */
function checkRows(file: string, index: number, entity: EntityFixture): void {
  try {
    buildSeededEntity(entity.name, entity, 0);
  } catch (error) {
    if (!(error instanceof ActitoError)) throw error;
    const details = error.details.length ? error.details : [{ path: '', message: error.message }];
    const faults = details.map((d) => `entities[${index}].${d.path}: ${d.message}`);
    throw new TypeError(`${file}: ${faults.join('; ')}`);
  }
}
