import { describe, expect, it } from 'vitest';
import { v5SuccessorOf } from '../domain/v4-imports/sunset.js';
import { v4CallOf } from './v4-sunset.js';

describe('v4CallOf', () => {
  it.each([
    [
      '/v4/entity/demo/table/Profiles/import',
      { kind: 'createImport', entity: 'demo', tableType: 'PROFILE_TABLE', table: 'Profiles' },
    ],
    [
      '/mass-imports/v4/entity/demo/customTable/My%20Orders/import',
      { kind: 'createImport', entity: 'demo', tableType: 'CUSTOM_TABLE', table: 'My Orders' },
    ],
    ['/v4/entity/demo/import/1000123/status', { kind: 'status', entity: 'demo', importId: '1000123' }],
    [
      '/v4/entity/demo/import/1000123/result-file',
      { kind: 'result-file', entity: 'demo', importId: '1000123' },
    ],
    ['/v4/entity/demo/import/1000123', { kind: 'other', entity: 'demo' }],
    ['/v4/entity/', { kind: 'other', entity: null }],
  ])('reads %s', (path, call) => {
    expect(v4CallOf(path)).toEqual(call);
  });

  it('names the V5 route replacing each call', () => {
    expect(v5SuccessorOf(v4CallOf('/v4/entity/demo/import/7/result')).route).toBe(
      'GET /mass-imports/v5/entities/demo/etl-executions/{executionId}/integration-results',
    );
    expect(v5SuccessorOf({ kind: 'other', entity: null }).route).toBe(
      'POST /mass-imports/v5/entities/{entity}/etl-executions',
    );
  });
});
