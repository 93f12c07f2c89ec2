import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { chunksSource } from '../imports/data-source.js';
import { MockCore } from '../mock-core.js';
import type { Tenant } from '../tenant.js';
import {
  createV4Import,
  getV4ImportResult,
  getV4ImportResultFile,
  getV4ImportStatus,
  planV4Import,
  resolveV4Import,
} from './service.js';

const parameters = JSON.stringify({
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
});

async function importInto(tenant: Tenant, data: string) {
  const target = resolveV4Import(tenant, 'demo', 'PROFILE_TABLE', 'Profiles');
  const plan = planV4Import(tenant, 'demo', target.table, parameters, target.entity);
  return createV4Import(tenant, plan, chunksSource('data.csv', [new TextEncoder().encode(data)]));
}

describe('V4 import service', () => {
  it('registers numeric growing ids and moves PENDING, RUNNING, SUCCESS on status reads', async () => {
    const tenant = new MockCore({ clock: createManualClock() }).tenant();
    const first = await importInto(tenant, 'mail\na@example.com\n');
    const second = await importInto(tenant, 'mail\nb@example.com\n');
    expect([first.id, second.id]).toEqual(['1000123', '1000124']);
    expect(() => getV4ImportResult(tenant, 'demo', first.id)).toThrow(/is PENDING/);
    const seen = [1, 2, 3].map(() => getV4ImportStatus(tenant, 'demo', first.id).run.status.status);
    expect(seen).toEqual(['PENDING', 'RUNNING', 'SUCCESS']);
    expect(getV4ImportResult(tenant, 'demo', first.id).run.outcome?.counts).toMatchObject({ createdRows: 1 });
    expect(() => getV4ImportResultFile(tenant, 'demo', first.id)).toThrow(/"generateResultFile": true/);
    expect(() => getV4ImportStatus(tenant, 'demo', '42')).toThrow('Entity demo has no V4 import 42.');
  });

  it('follows the v4.import progression, apart from V5 executions', async () => {
    const tenant = new MockCore({
      clock: createManualClock(),
      progression: { 'v4.import': { type: 'immediate' }, 'v5.etlExecution': { type: 'manual' } },
    }).tenant();
    const v4Import = await importInto(tenant, 'mail\nnot-an-address\n');
    expect(v4Import.run.status.status).toBe('WITH_ERROR');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const tenant = new MockCore({ clock: createManualClock(), progression: { type: 'immediate' } }).tenant();
    const v4Import = await importInto(tenant, '\uFEFFmail\na@example.com\n');
    expect(v4Import.run.status.status).toBe('SUCCESS');
  });
});
