import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtureFiles } from './load-fixtures.js';

const members = {
  name: 'shop',
  profileTables: [
    {
      id: '7',
      name: 'Members',
      attributes: [{ type: 'EMAIL_ADDRESS', name: 'email', unique: true, mandatory: true }],
    },
  ],
  rows: { Members: [{ email: 'a@example.com' }] },
};

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'actito-fixtures-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('loadFixtureFiles', () => {
  it('merges every *.json of a folder: API keys pooled, entities once each', () => {
    const dir = folder({
      'a-keys.json': { apiKeys: ['key-1'] },
      'b-shop.json': { entities: [members] },
      'c-more.json': { apiKeys: ['key-2'], entities: [{ ...members, name: 'other', rows: {} }] },
      'notes.txt': 'ignored',
    });
    const fixture = loadFixtureFiles(dir);
    expect(fixture.apiKeys).toEqual(['key-1', 'key-2']);
    expect(fixture.entities.map((e) => e.name)).toEqual(['shop', 'other']);
  });

  it('reads one file, and defaults the API key when no file names one', () => {
    const dir = folder({ 'shop.json': { entities: [members] } });
    expect(loadFixtureFiles(join(dir, 'shop.json')).apiKeys).toEqual(['mock-api-key']);
  });

  it('names the file and the field of a bad fixture', () => {
    const dir = folder({
      'good.json': { entities: [members] },
      'bad.json': { entities: [{ name: 'x', profileTables: [{ id: '1', attributes: [] }] }] },
    });
    expect(() => loadFixtureFiles(dir)).toThrow(
      new RegExp(`^${join(dir, 'bad.json')}: entities\\[0\\]\\.profileTables\\[0\\]\\.name: `),
    );
  });

  it('checks rows as an import would, naming file, entity, table, row and attribute', () => {
    const bad = { ...members, rows: { Members: [{ email: 'a@example.com' }, { email: 'nope' }] } };
    const dir = folder({ 'shop.json': { entities: [bad] } });
    expect(() => loadFixtureFiles(dir)).toThrow(
      `${join(dir, 'shop.json')}: entities[0].rows.Members[1].email: INVALID_EMAIL: "nope" is not a valid email address`,
    );
  });

  it('refuses invalid JSON, an entity defined twice, a missing path and an empty folder', () => {
    expect(() => loadFixtureFiles(join(folder({ 'x.json': '{' }), 'x.json'))).toThrow(
      /x\.json: not valid JSON/,
    );
    const twice = folder({ 'a.json': { entities: [members] }, 'b.json': { entities: [members] } });
    expect(() => loadFixtureFiles(twice)).toThrow(
      `${join(twice, 'b.json')}: entities[0]: entity "shop" is already defined in ${join(twice, 'a.json')}; define each entity in one file`,
    );
    expect(() => loadFixtureFiles('/no/such/place')).toThrow('/no/such/place: no such file or folder');
    const empty = mkdtempSync(join(tmpdir(), 'actito-fixtures-'));
    mkdirSync(join(empty, 'sub'));
    expect(() => loadFixtureFiles(empty)).toThrow('the folder holds no *.json file');
    expect(() => loadFixtureFiles(folder({ 'k.json': { apiKeys: ['k'] } }))).toThrow(/no entity defined/);
  });
});
