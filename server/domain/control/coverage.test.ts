import { describe, expect, it } from 'vitest';
import { Coverage } from './coverage.js';

describe('Coverage', () => {
  it('counts operations by status, error codes and record statuses read', () => {
    const coverage = new Coverage(Date.parse('2026-03-02T09:00:00.000Z'));
    coverage.record({
      operation: 'createEtlExecution',
      status: 201,
      errorCode: null,
      uploaded: 'v5.etlExecution',
    });
    coverage.record({ operation: 'createEtlExecution', status: 400, errorCode: 'INVALID_DEFINITION' });
    coverage.record({
      operation: 'getEtlExecution',
      status: 200,
      errorCode: null,
      recordStatus: { kind: 'v5.etlExecution', status: 'SUCCESS' },
    });
    coverage.record({ operation: null, status: 404, errorCode: 'ROUTE_NOT_FOUND' });
    const report = coverage.report(['createEtlExecution', 'getEtlExecution', 'getIntegrationResults']);
    expect(report).toEqual({
      since: '2026-03-02T09:00:00.000Z',
      requests: 4,
      operations: [
        { operation: 'createEtlExecution', calls: 2, statuses: { '201': 1, '400': 1 } },
        { operation: 'getEtlExecution', calls: 1, statuses: { '200': 1 } },
      ],
      recordStatuses: { 'v5.etlExecution': { SUCCESS: 1 } },
      errorCodes: { INVALID_DEFINITION: 1, ROUTE_NOT_FOUND: 1 },
      unauthorized: false,
      tooManyRequests: false,
      never: {
        operations: ['getIntegrationResults'],
        finalStatuses: ['v5.etlExecution WITH_ERROR', 'v5.etlExecution ERROR'],
        responses: ['401', '429'],
      },
    });
  });

  it('notes 401 and 429 answers', () => {
    const coverage = new Coverage(0);
    coverage.record({ operation: 'getToken', status: 401, errorCode: 'UNAUTHORIZED' });
    coverage.record({ operation: 'getToken', status: 429, errorCode: 'TOO_MANY_REQUESTS' });
    expect(coverage.report([])).toMatchObject({
      unauthorized: true,
      tooManyRequests: true,
      never: { responses: [], finalStatuses: [] },
    });
  });
});
