import { z } from 'zod';
import { fidelity } from './fidelity.js';

const control = (id: string, description: string) => ({ id, ...fidelity('modelled', description) });

/** What the V4 routes do: serve as before, serve with deprecation headers, or answer 410. */
export const V4Sunset = z
  .enum(['enabled', 'deprecated', 'removed'])
  .meta(
    control(
      'V4Sunset',
      '`enabled`: V4 routes answer as V4 did; `deprecated`: they also carry Deprecation, Sunset and Link headers; `removed`: they answer 410 V4_REMOVED naming their V5 replacement.',
    ),
  );
export type V4Sunset = z.infer<typeof V4Sunset>;

/** A limit is a positive integer, or null when it is switched off. */
const limit = (description: string) => z.number().int().positive().nullable().meta({ description });

export const MockLimits = z
  .object({
    maxConcurrentRequests: limit(
      'Requests of a tenant (licence) in flight at once on the Actito routes; one more gets 429 TOO_MANY_REQUESTS (Actito: 5).',
    ),
    maxImportsPerTablePerDay: limit(
      'V4 import creations per table per day of the mock clock (UTC); one more gets 429 QUOTA_EXCEEDED (Actito: 12).',
    ),
    maxUploadBytes: limit(
      'Largest uploaded data file, in bytes; a larger one gets 400 FILE_TOO_LARGE (Actito: 100 MB).',
    ),
  })
  .meta(control('MockLimits', 'Actito API limits the mock enforces; null switches one off.'));
export type MockLimits = z.infer<typeof MockLimits>;

export const MockRetention = z
  .object({
    maxFinishedRecords: limit(
      'Finished imports and executions (V4 and V5 together) a tenant keeps with their files; the oldest finished beyond it are evicted and answer 404 RECORD_EVICTED (default 500).',
    ),
    maxStoredFileBytes: limit(
      'Bytes a tenant keeps for the result and error files of its finished records; past it the oldest finished are evicted (default 256 MiB).',
    ),
  })
  .meta(
    control(
      'MockRetention',
      "What a long-running mock keeps of finished imports and executions (the mock's own bound; tables keep all their rows); null keeps everything.",
    ),
  );
export type MockRetention = z.infer<typeof MockRetention>;

export const MockSettings = z
  .object({ v4Sunset: V4Sunset, limits: MockLimits, retention: MockRetention })
  .meta(control('MockSettings', 'The V4 sunset, the API limits and the retention of one tenant.'));
export type MockSettings = z.infer<typeof MockSettings>;

/** PUT /__mock/settings: only the given fields change. */
export const MockSettingsUpdate = z
  .strictObject({
    v4Sunset: V4Sunset.optional(),
    limits: MockLimits.partial().strict().optional(),
    retention: MockRetention.partial().strict().optional(),
  })
  .meta(
    control('MockSettingsUpdate', 'Changes some settings of the tenant; fields left out keep their value.'),
  );
export type MockSettingsUpdate = z.infer<typeof MockSettingsUpdate>;

export const V4QuotaUsage = z
  .object({
    entity: z.string(),
    table: z.string(),
    day: z.string().meta({ description: 'UTC day of the mock clock, yyyy-MM-dd.' }),
    importsCreated: z.number().int(),
    resetsAt: z.string(),
  })
  .meta(control('V4QuotaUsage', 'V4 import creations of one table today, and when its daily quota resets.'));
export type V4QuotaUsage = z.infer<typeof V4QuotaUsage>;

export const MockSettingsState = MockSettings.extend({
  usage: z.object({
    inFlightRequests: z
      .number()
      .int()
      .meta({ description: 'Actito requests of the tenant being served now (this control call excluded).' }),
    v4ImportsToday: z.array(V4QuotaUsage),
    retained: z
      .object({ finishedRecords: z.number().int(), storedFileBytes: z.number().int() })
      .meta({ description: 'Finished imports and executions kept now, and the bytes of their files.' }),
  }),
}).meta(
  control(
    'MockSettingsState',
    'The settings of the tenant, and how much of each limit is in use now (read-only, to explain a 429).',
  ),
);
export type MockSettingsState = z.infer<typeof MockSettingsState>;
