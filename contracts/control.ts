import { z } from 'zod';
import { fidelity } from './fidelity.js';

const control = (id: string, description: string) => ({ id, ...fidelity('modelled', description) });

export const ProgressionPolicy = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('immediate') }),
    z.object({ type: z.literal('afterPolls'), polls: z.number().int().nonnegative() }),
    z.object({ type: z.literal('afterMs'), ms: z.number().int().nonnegative() }),
    z.object({ type: z.literal('manual') }),
  ])
  .meta(control('ProgressionPolicy', 'When a managed record moves to its next status.'));
export type ProgressionPolicy = z.infer<typeof ProgressionPolicy>;

export const RecordKind = z.enum(['v5.etlExecution', 'v4.import']);
export type RecordKind = z.infer<typeof RecordKind>;

export const ProgressionRequest = z
  .object({ kind: z.union([RecordKind, z.literal('*')]), policy: ProgressionPolicy })
  .meta(control('ProgressionRequest', 'Sets the progression policy of one kind of record, or of all (*).'));
export type ProgressionRequest = z.infer<typeof ProgressionRequest>;

export const ProgressionSettings = z
  .object({ 'v5.etlExecution': ProgressionPolicy, 'v4.import': ProgressionPolicy })
  .meta(control('ProgressionSettings', 'The progression policy of each kind of record.'));
export type ProgressionSettings = z.infer<typeof ProgressionSettings>;

export const AdvanceRequest = z
  .object({ ms: z.number().int().nonnegative().optional() })
  .meta(
    control(
      'AdvanceRequest',
      '`ms` moves the clock (due transitions and expiries follow); `{}` moves every manual record one step.',
    ),
  );
export type AdvanceRequest = z.infer<typeof AdvanceRequest>;

export const AdvanceResponse = z
  .object({ now: z.string(), moved: z.number().int() })
  .meta(control('AdvanceResponse', 'The mock time after the move and how many records changed status.'));
export type AdvanceResponse = z.infer<typeof AdvanceResponse>;

export const ResetResponse = z
  .object({ tenant: z.string(), entity: z.string().nullable() })
  .meta(control('ResetResponse', 'What was reset.'));
export type ResetResponse = z.infer<typeof ResetResponse>;

export const HealthResponse = z
  .object({ status: z.literal('ok'), version: z.string(), tenant: z.string(), now: z.string() })
  .meta(control('HealthResponse', 'The mock is up.'));
export type HealthResponse = z.infer<typeof HealthResponse>;
