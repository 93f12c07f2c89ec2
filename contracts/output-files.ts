import { z } from 'zod';
import { fidelity } from './fidelity.js';

/** The `status` column the result file appends to each input row. */
export const ResultFileStatus = z
  .enum(['CREATED', 'UPDATED', 'SKIPPED', 'ERROR'])
  .meta(fidelity('modelled', 'What the import did with a row, in the result file.'));
export type ResultFileStatus = z.infer<typeof ResultFileStatus>;

/** One line of the error file, as its CSV columns (all text). */
export const ErrorFileRow = z
  .object({
    lineNumber: z
      .string()
      .meta({ description: 'Line of the data file, 1 being the header; empty for a file-level failure.' }),
    column: z.string(),
    value: z.string(),
    errorCode: z.string(),
    errorMessage: z.string(),
  })
  .meta(
    fidelity('modelled', 'A line of the error file: one per faulty value, in the import’s own CSV format.'),
  );
export type ErrorFileRow = z.infer<typeof ErrorFileRow>;
