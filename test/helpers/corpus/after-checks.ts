import { expect } from 'vitest';
import type { Harness, Session } from '../transports.js';

const V5 = '/mass-imports/v5/entities';
const V4 = '/v4/entity';
/** The first ids of a tenant (server/domain/tenant.ts); the bystander takes the first V5 one. */
const FIRST_V5_ID = 1000001;
const FIRST_V4_ID = 1000123;

/**
 * An execution in its own entity of the case's tenant, finished before the case, with its rows
 * and output files: a hostile request must leave all of it exactly as it was.
 */
export async function startBystander(session: Session): Promise<() => Promise<unknown>> {
  const { client, control } = session;
  await control.seedEntity('bystander', {
    profileTables: [
      {
        id: '1',
        name: 'People',
        attributes: [{ type: 'EMAIL_ADDRESS', name: 'emailAddress', unique: true, mandatory: true }],
      },
    ],
  });
  const created = await client.uploadEtl(
    'bystander',
    {
      table: { type: 'PROFILE_TABLE', name: 'People' },
      mode: 'CREATE_UPDATE',
    },
    'emailAddress\nkept@example.com\nnot-an-address\n',
  );
  expect(await created.json()).toEqual({ id: String(FIRST_V5_ID) });
  const path = `${V5}/bystander/etl-executions/${FIRST_V5_ID}`;
  // Its status, counts and rows; its output files are built from the same staged rows.
  const snapshot = async () => ({
    execution: await (await client.get(path)).json(),
    results: await (await client.get(`${path}/integration-results`)).json(),
    rows: (await control.rows('bystander', 'People')).rows,
  });
  const before = await snapshot();
  expect(before.execution).toMatchObject({ status: 'WITH_ERROR' });
  return snapshot;
}

export interface Registered {
  v5: number;
  v4: number;
}

/** How many executions and imports the case's tenant holds besides the bystander (ids are sequential). */
export async function registered(session: Session, tenantWasReset: boolean): Promise<Registered> {
  const count = async (path: (id: number) => string, first: number) => {
    let n = 0;
    while ((await session.client.get(path(first + n))).status === 200) n += 1;
    return n;
  };
  return {
    v5: await count(
      (id) => `${V5}/demo/etl-executions/${id}`,
      tenantWasReset ? FIRST_V5_ID : FIRST_V5_ID + 1,
    ),
    v4: await count((id) => `${V4}/demo/import/${id}/status`, FIRST_V4_ID),
  };
}

/** The mock still answers, and its server process is alive. */
export async function expectAlive(harness: Harness, session: Session): Promise<void> {
  expect(await session.control.health()).toMatchObject({ status: 'ok' });
  expect(harness.server()?.process.exitCode ?? null).toBeNull();
}

/** Rows of every table of the case's entity. */
export async function rowCount(session: Session): Promise<number> {
  const profiles = await session.control.rows('demo', 'Profiles');
  const orders = await session.control.rows('demo', 'Orders');
  return profiles.total + orders.total;
}
