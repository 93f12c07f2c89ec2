import { describe, expect, it } from 'vitest';
import { FaultBook } from './faults.js';

describe('FaultBook', () => {
  it('applies a request fault to the next N matching requests, oldest armed first', () => {
    const book = new FaultBook();
    const first = book.add({
      type: 'request',
      method: 'POST',
      path: '/mass-imports/v5/**',
      status: 503,
      times: 2,
    });
    const second = book.add({ type: 'request', path: '/mass-imports/**', latencyMs: 10 });
    expect(book.takeRequestFault('GET', '/mass-imports/v5/entities/demo/etl-executions')?.id).toBe(second.id);
    expect(book.takeRequestFault('post', '/mass-imports/v5/entities/demo/etl-executions')).toMatchObject({
      id: first.id,
      remaining: 1,
    });
    expect(book.takeRequestFault('POST', '/mass-imports/v5/x')?.id).toBe(first.id);
    expect(book.takeRequestFault('POST', '/mass-imports/v5/x')).toBeNull();
    expect(book.list()).toEqual([]);
  });

  it('tells the next run of a kind to fail or hold, and nothing after', () => {
    const book = new FaultBook();
    book.add({ type: 'import', kind: 'v4.import', outcome: 'fail', reason: 'Broken.' });
    book.add({ type: 'import', kind: '*', outcome: 'hold', holdAt: 'PENDING' });
    expect(book.takeImportFault('v5.etlExecution')).toEqual({ forcedFailure: null, hold: 'PENDING' });
    expect(book.takeImportFault('v4.import')).toEqual({ forcedFailure: 'Broken.', hold: null });
    expect(book.takeImportFault('v4.import')).toEqual({ forcedFailure: null, hold: null });
  });

  it('lists copies and clears', () => {
    const book = new FaultBook();
    const fault = book.add({ type: 'request', path: '/x', status: 500 });
    const listed = book.list();
    (listed[0] as { remaining: number }).remaining = 99;
    expect(book.list()).toEqual([fault]);
    expect(book.clear()).toBe(1);
    expect(book.list()).toEqual([]);
  });
});
