import { describe, expect, it } from 'vitest';
import type { JournalEntry, JournalResponse } from '../../../contracts/control.js';
import { RequestPattern } from '../../../contracts/control.js';
import { jsonSubsetDifferences } from './request-pattern.js';
import { findInJournal, verifyJournal } from './verify-journal.js';

const CREATE = '/mass-imports/v5/entities/demo/etl-executions';

function entry(seq: number, over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq,
    method: 'GET',
    path: `${CREATE}/1000001`,
    query: {},
    headers: { accept: 'application/json', authorization: 'Bearer [redacted]' },
    route: null,
    operation: 'getEtlExecution',
    status: 200,
    errorCode: null,
    errorMessage: null,
    time: '2026-03-02T09:00:00.000Z',
    durationMs: 1,
    upload: null,
    received: null,
    ...over,
  };
}

const accepted = entry(2, {
  method: 'POST',
  path: CREATE,
  operation: 'createEtlExecution',
  status: 201,
  headers: { 'content-type': 'multipart/form-data; boundary=x' },
  upload: {
    kind: 'v5.etlExecution',
    id: '1000001',
    entity: 'demo',
    table: { type: 'PROFILE_TABLE', id: '1', name: 'Profiles' },
    definition: {
      mode: 'CREATE_UPDATE',
      table: { name: 'Profiles' },
      attributesMapping: [{ headerColumn: 'mail' }],
    },
    dataFile: {
      name: 'p.zip',
      source: 'upload',
      size: 10,
      compression: 'ZIP',
      entryName: 'p.csv',
      rowCount: 2,
      fileError: null,
    },
  },
});
const refused = entry(3, {
  method: 'POST',
  path: CREATE,
  operation: 'createEtlExecution',
  status: 400,
  errorCode: 'INVALID_DEFINITION',
  errorMessage: 'Invalid definition: definition.mode: Invalid option.',
  received: {
    parts: [],
    complete: true,
    definition: '{"mode":"UPSERT","table":{"name":"Profiles"}}',
    definitionTruncated: false,
  },
});
const journal = (entries: JournalEntry[], over: Partial<JournalResponse> = {}): JournalResponse => ({
  entries,
  inFlight: 0,
  dropped: 0,
  capacity: 1000,
  lastSeq: entries.at(-1)?.seq ?? 0,
  ...over,
});
const all = journal([entry(1), accepted, refused, entry(4, { query: { view: 'full' } })]);
const pattern = (input: unknown) => RequestPattern.parse(input);

describe('verifyJournal', () => {
  it('counts the entries that match every criterion, at least one by default', () => {
    const result = verifyJournal(all, pattern({ operation: 'createEtlExecution', status: 201 }));
    expect(result).toMatchObject({
      ok: true,
      count: 1,
      matched: [2],
      expected: 'at least 1',
      nearMisses: [],
    });
    expect(result.message).toBe(
      'Verified at least 1 request matching {"operation":"createEtlExecution","status":201}: 1 matched.',
    );
    expect(
      verifyJournal(all, pattern({ method: 'post', path: '/mass-imports/v5/**' }), { exactly: 2 }).ok,
    ).toBe(true);
    expect(verifyJournal(all, pattern({ status: '4xx' }), { atMost: 1 }).ok).toBe(true);
    expect(verifyJournal(all, pattern({ status: '4xx' }), { atLeast: 2 }).ok).toBe(false);
    expect(verifyJournal(all, pattern({}), { atLeast: 2, atMost: 4 })).toMatchObject({
      ok: true,
      expected: 'between 2 and 4',
    });
  });

  it('matches definition subsets in accepted and refused uploads alike', () => {
    const table = pattern({ definition: { table: { name: 'Profiles' } } });
    expect(verifyJournal(all, table).matched).toEqual([2, 3]);
    expect(verifyJournal(all, pattern({ definition: { mode: 'UPSERT' } })).matched).toEqual([3]);
    expect(
      verifyJournal(all, pattern({ definition: { attributesMapping: [{ headerColumn: 'mail' }] } })).matched,
    ).toEqual([2]);
    expect(verifyJournal(all, pattern({ dataFile: { compression: 'ZIP', rowCount: 2 } })).matched).toEqual([
      2,
    ]);
  });

  it('matches headers by any case and query values with equals, contains, matches and absent', () => {
    const count = (input: unknown) => verifyJournal(all, pattern(input)).count;
    expect(count({ headers: { 'Content-Type': { contains: 'multipart/form-data' } } })).toBe(1);
    expect(count({ headers: { authorization: { matches: '^Bearer ' } } })).toBe(3);
    expect(count({ headers: { authorization: { absent: true } } })).toBe(1);
    expect(count({ query: { view: 'full' } })).toBe(1);
    expect(count({ query: { view: { equals: 'brief' } } })).toBe(0);
  });

  it('explains a miss with the closest entries first and how each differs', () => {
    const result = verifyJournal(
      all,
      pattern({ operation: 'createEtlExecution', status: 201, definition: { mode: 'UPSERT' } }),
      { exactly: 1 },
    );
    expect(result.ok).toBe(false);
    expect(result.nearMisses.map((miss) => miss.seq)).toEqual([2, 3, 4]);
    expect(result.message).toBe(
      [
        'Expected exactly 1 request matching {"operation":"createEtlExecution","status":201,"definition":{"mode":"UPSERT"}}, but 0 matched (4 journaled).',
        'Closest requests:',
        `  #2 POST ${CREATE} (createEtlExecution) -> 201`,
        '    definition.mode: expected "UPSERT", got "CREATE_UPDATE"',
        `  #3 POST ${CREATE} (createEtlExecution) -> 400 INVALID_DEFINITION: Invalid definition: definition.mode: Invalid option.`,
        '    status: expected 201, got 400 INVALID_DEFINITION',
        `  #4 GET ${CREATE}/1000001 (getEtlExecution) -> 200`,
        '    operation: expected createEtlExecution, got getEtlExecution',
        '    status: expected 201, got 200',
        '    definition: expected {"mode":"UPSERT"}, got (no definition)',
      ].join('\n'),
    );
  });

  it('lists the matching entries when too many matched, and says what the journal lost', () => {
    const result = verifyJournal(
      journal(all.entries, { dropped: 7, inFlight: 1 }),
      pattern({ method: 'POST' }),
      {
        exactly: 0,
      },
    );
    expect(result).toMatchObject({ ok: false, expected: 'no', count: 2, nearMisses: [] });
    expect(result.message).toBe(
      [
        'Expected no requests matching {"method":"POST"}, but 2 matched (4 journaled, 7 older ones dropped, 1 still in flight).',
        'Matching requests:',
        `  #2 POST ${CREATE} (createEtlExecution) -> 201`,
        `  #3 POST ${CREATE} (createEtlExecution) -> 400 INVALID_DEFINITION: Invalid definition: definition.mode: Invalid option.`,
      ].join('\n'),
    );
    expect(verifyJournal(journal([]), pattern({})).message).toBe(
      'Expected at least 1 request matching anything, but 0 matched (0 journaled).\nThe journal holds no request to compare with.',
    );
  });

  it('looks only after `after`, and finds the matching entries', () => {
    expect(verifyJournal(all, pattern({ method: 'POST', after: 2 }))).toMatchObject({
      matched: [3],
      considered: 2,
    });
    expect(findInJournal(all, pattern({ status: '2xx', after: 1 })).map((e) => e.seq)).toEqual([2, 4]);
  });
});

describe('jsonSubsetDifferences', () => {
  it('names the path of each difference: missing keys, other values, array lengths and types', () => {
    const actual = { a: { b: 1 }, list: [1, 2], text: 'x' };
    expect(jsonSubsetDifferences({ a: { b: 1 } }, actual, 'definition')).toEqual([]);
    expect(
      jsonSubsetDifferences(
        { a: { b: 2, c: null }, list: [1], text: { deep: true } },
        actual,
        'definition',
      ).map(({ field, expected, actual: got }) => `${field}: ${expected} / ${got}`),
    ).toEqual([
      'definition.a.b: 2 / 1',
      'definition.a.c: null / (missing)',
      'definition.list: 1 items / 2 items',
      'definition.text: an object / "x"',
    ]);
  });
});

describe('RequestPattern', () => {
  it('refuses unknown fields, bad regular expressions and globs', () => {
    expect(RequestPattern.safeParse({ stauts: 201 }).success).toBe(false);
    expect(RequestPattern.safeParse({ headers: { a: { matches: '(' } } }).error?.issues[0]?.message).toBe(
      'not a valid regular expression',
    );
    expect(RequestPattern.safeParse({ path: 'mass-imports/**' }).success).toBe(false);
  });
});
