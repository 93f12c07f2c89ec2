import type { V4ImportResult, V4ImportStatus } from '../../../contracts/v4.js';
import { isoMoment } from '../../domain/clock.js';
import type { V4Import } from '../../domain/v4-imports/model.js';
import { v4Status } from '../../domain/v4-imports/model.js';

export function presentV4ImportStatus(v4Import: V4Import): V4ImportStatus {
  const { run } = v4Import;
  const status = v4Status(run.status.status);
  return {
    id: Number(v4Import.id),
    status,
    creationMoment: isoMoment(run.createdAt),
    endMoment: run.status.isFinal && run.endedAt !== null ? isoMoment(run.endedAt) : null,
    ...(status === 'ERROR' ? { errorMessage: run.errorMessage ?? 'the file could not be read' } : {}),
  };
}

export function presentV4ImportResult(v4Import: V4Import): V4ImportResult {
  const counts = v4Import.run.counts;
  return {
    withErrors: v4Import.run.status.status !== 'SUCCESS',
    rowsInError: counts.rowsInError,
    totalRows: counts.totalRows,
    createdRows: counts.createdRows,
    updatedRows: counts.updatedRows,
    skippedRows: counts.skippedRows,
  };
}
