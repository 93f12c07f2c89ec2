import { describe, expect, it } from 'vitest';
import { ActitoError } from '../errors.js';
import { Table } from '../tables/table.js';
import { secondsUntilQuotaReset, V4ImportQuota } from './quota.js';

const table = () =>
  Table.profile({
    id: '1',
    name: 'Profiles',
    attributes: [{ type: 'EMAIL_ADDRESS', name: 'emailAddress', unique: true, mandatory: true }],
    subscriptions: [],
    segmentations: [],
  });
const AT = Date.parse('2026-03-02T23:59:59.000Z');

describe('V4ImportQuota', () => {
  it('counts creations per table and per UTC day, and refuses the one over the limit', () => {
    const quota = new V4ImportQuota();
    const profiles = table();
    const other = table();
    quota.take('demo', profiles, AT, 2);
    quota.take('demo', profiles, AT, 2);
    quota.take('demo', other, AT, 2);
    expect(() => quota.take('demo', profiles, AT, 2)).toThrow(ActitoError);
    expect(() => quota.assertAvailable('demo', profiles, AT, 2)).toThrow(
      'Table Profiles of entity demo already had 2 V4 import creations on 2026-03-02 (UTC), the most allowed per table per day; the quota resets at 2026-03-03T00:00:00.000Z (in 1 h).',
    );
    expect(() => quota.take('demo', profiles, AT + 1000, 2)).not.toThrow();
    expect(quota.usage(AT + 1000, new Set([profiles, other]))).toEqual([
      {
        entity: 'demo',
        table: 'Profiles',
        day: '2026-03-03',
        importsCreated: 1,
        resetsAt: '2026-03-04T00:00:00.000Z',
      },
    ]);
  });

  it('uses nothing when only checked, and never counts with no limit', () => {
    const quota = new V4ImportQuota();
    const profiles = table();
    quota.assertAvailable('demo', profiles, AT, 1);
    quota.assertAvailable('demo', profiles, AT, 1);
    expect(quota.usage(AT, new Set([profiles]))).toEqual([]);
    quota.take('demo', profiles, AT, 1);
    expect(() => quota.take('demo', profiles, AT, 1)).toThrow(/already had 1 V4 import creation /);
    quota.take('demo', profiles, AT, null);
    expect(quota.usage(AT, new Set([profiles]))).toMatchObject([{ importsCreated: 1 }]);
    expect(quota.usage(AT, new Set())).toEqual([]);
  });

  it('says how many seconds remain until the next UTC midnight', () => {
    expect(secondsUntilQuotaReset(AT)).toBe(1);
    expect(secondsUntilQuotaReset(Date.parse('2026-03-02T09:00:00.000Z'))).toBe(15 * 3600);
  });
});
