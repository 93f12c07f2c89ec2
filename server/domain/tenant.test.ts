import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock.js';
import { chunksSource } from './imports/data-source.js';
import type { ProgressionPolicy } from './lifecycle/progression.js';
import { MockCore } from './mock-core.js';
import type { Tenant } from './tenant.js';
import { createV4Import, getV4ImportStatus, planV4Import, resolveV4Import } from './v4-imports/service.js';

const parameters = JSON.stringify({
  mode: 'CREATE_UPDATE',
  format: { separator: ';' },
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
  ],
});

function tenantWith(progression: ProgressionPolicy): Tenant {
  return new MockCore({ clock: createManualClock('2026-05-01T10:00:00Z'), progression }).tenant();
}

async function importInto(tenant: Tenant, data: string) {
  const reserved = resolveV4Import(tenant, 'demo', 'PROFILE_TABLE', 'Profiles');
  const plan = planV4Import(tenant, 'demo', reserved.table, parameters, reserved.entity);
  return createV4Import(tenant, plan, chunksSource('data.csv', [new TextEncoder().encode(data)]));
}

function profiles(tenant: Tenant) {
  const table = tenant.entity('demo').tableByNameOrId('PROFILE_TABLE', 'Profiles');
  return table.rows.map((row) => table.toJson(row));
}

describe('Tenant.settleDue', () => {
  it('writes tables in the order the imports fell due, whichever import is read first', async () => {
    const tenant = tenantWith({ type: 'afterMs', ms: 1000 });
    const first = await importInto(tenant, 'mail;first\nann@example.com;First\n');
    tenant.clock.advance(500);
    const second = await importInto(tenant, 'mail;first\nann@example.com;Second\n');
    tenant.clock.advance(60_000);
    // The client reads the later import first: the earlier one, due before it, still writes first.
    expect(getV4ImportStatus(tenant, 'demo', second.id).run.status.status).toBe('SUCCESS');
    expect(first.run.status.status).toBe('SUCCESS');
    expect(profiles(tenant)).toEqual([
      expect.objectContaining({
        firstName: 'Second',
        creationMoment: '2026-05-01T10:00:02.000Z',
        updateMoment: '2026-05-01T10:00:02.500Z',
      }),
    ]);
    expect([first.run.endedAt, second.run.endedAt]).toEqual([
      Date.parse('2026-05-01T10:00:02.000Z'),
      Date.parse('2026-05-01T10:00:02.500Z'),
    ]);
  });

  it('applies due moves before a new import starts, so an immediate one does not overtake them', async () => {
    const tenant = tenantWith({ type: 'afterMs', ms: 1000 });
    await importInto(tenant, 'mail;first\nann@example.com;Due\n');
    tenant.clock.advance(5000);
    tenant.progression['v4.import'] = { type: 'immediate' };
    await importInto(tenant, 'mail;first\nann@example.com;Immediate\n');
    expect(profiles(tenant)).toEqual([expect.objectContaining({ firstName: 'Immediate' })]);
  });

  it('moves nothing by itself under a manual clock, and counts the records a clock move finished', async () => {
    const tenant = tenantWith({ type: 'afterPolls', polls: 1, ms: 1000 });
    const run = (await importInto(tenant, 'mail;first\nann@example.com;Ann\n')).run;
    expect([tenant.settleDue(), run.status.status]).toEqual([0, 'PENDING']);
    tenant.clock.advance(1999);
    expect([tenant.settleDue(), run.status.status]).toEqual([1, 'RUNNING']);
    tenant.clock.advance(1);
    expect([tenant.settleDue(), run.status.status]).toEqual([1, 'SUCCESS']);
    expect(tenant.settleDue()).toBe(0);
  });

  it('leaves the runs of a replaced entity behind: they never write into the new tables', async () => {
    const tenant = tenantWith({ type: 'afterMs', ms: 1000 });
    const run = (await importInto(tenant, 'mail;first\nann@example.com;Ann\n')).run;
    tenant.resetEntity('demo');
    tenant.clock.advance(5000);
    expect(tenant.settleDue()).toBe(0);
    expect(run.status.status).toBe('PENDING');
    expect(profiles(tenant)).toEqual([]);
  });
});
