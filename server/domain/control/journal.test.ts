import { describe, expect, it } from 'vitest';
import type { NewJournalEntry } from './journal.js';
import { Journal } from './journal.js';

const entry = (over: Partial<NewJournalEntry> = {}): NewJournalEntry => ({
  method: 'GET',
  path: '/auth/token',
  query: {},
  headers: {},
  route: '/auth/token',
  operation: null,
  status: 200,
  errorCode: null,
  errorMessage: null,
  time: '2026-03-02T09:00:00.000Z',
  durationMs: 1,
  upload: null,
  received: null,
  ...over,
});

describe('Journal', () => {
  it('keeps the newest entries within its capacity and counts the dropped ones', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 5; i += 1) journal.finished(entry({ path: `/p${i}` }));
    const response = journal.query();
    expect(response.entries.map((e) => [e.seq, e.path])).toEqual([
      [3, '/p2'],
      [4, '/p3'],
      [5, '/p4'],
    ]);
    expect(response).toMatchObject({ dropped: 2, capacity: 3, lastSeq: 5 });
  });

  it('tells a poller the newest seq, whatever the filter, and keeps counting after a clear', () => {
    const journal = new Journal();
    expect(journal.query().lastSeq).toBe(0);
    journal.finished(entry());
    journal.finished(entry({ status: 404 }));
    expect(journal.query({ status: '2xx', after: 5 })).toMatchObject({ entries: [], lastSeq: 2 });
    journal.clear();
    journal.finished(entry());
    expect(journal.query().entries.map((e) => e.seq)).toEqual([3]);
  });

  it('filters by method, path glob, status or class, time and seq', () => {
    const journal = new Journal();
    journal.finished(entry());
    journal.finished(entry({ method: 'POST', path: '/v5/entities/demo/etl-executions', status: 201 }));
    journal.finished(entry({ path: '/v5/entities/demo/etl-executions/1', status: 404 }));
    journal.finished(entry({ time: '2026-03-02T10:00:00.000Z', status: 401 }));
    const seqs = (filter: Parameters<Journal['query']>[0]) => journal.query(filter).entries.map((e) => e.seq);
    expect(seqs({ method: 'post' })).toEqual([2]);
    expect(seqs({ path: '/v5/**' })).toEqual([2, 3]);
    expect(seqs({ status: '4xx' })).toEqual([3, 4]);
    expect(seqs({ status: '201' })).toEqual([2]);
    expect(seqs({ since: '2026-03-02T09:30:00.000Z' })).toEqual([4]);
    expect(seqs({ after: 2 })).toEqual([3, 4]);
  });

  it('counts requests in flight and clears', () => {
    const journal = new Journal();
    journal.started();
    journal.started();
    expect(journal.query().inFlight).toBe(2);
    journal.finished(entry());
    expect(journal.query().inFlight).toBe(1);
    expect(journal.clear()).toBe(1);
    expect(journal.query().entries).toEqual([]);
  });

  it('copies the headers only when the journal is read, once', () => {
    const journal = new Journal();
    let copies = 0;
    journal.finished(
      entry({
        headers: () => {
          copies += 1;
          return { accept: 'application/json' };
        },
      }),
    );
    expect(copies).toBe(0);
    expect(journal.query().entries[0]?.headers).toEqual({ accept: 'application/json' });
    journal.query();
    expect(copies).toBe(1);
  });
});
