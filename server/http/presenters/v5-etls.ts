import type { PersistentEtl as PersistentEtlWire } from '../../../contracts/v5-etls.js';
import { isoMoment } from '../../domain/clock.js';
import type { PersistentEtl } from '../../domain/v5-etls/model.js';

/** A stored ETL: its id, its definition as stored (defaults applied), and its moments. */
export function presentEtl(etl: PersistentEtl): PersistentEtlWire {
  // Assigned after the definition: unknown keys the definition kept never shadow these.
  return Object.assign({ id: etl.id }, etl.definition, {
    id: etl.id,
    creationMoment: isoMoment(etl.createdAt),
    updateMoment: isoMoment(etl.updatedAt),
  });
}
