import type {
  PersistentEtlExecution as PersistentEtlExecutionWire,
  PersistentEtl as PersistentEtlWire,
} from '../../../../contracts/v5-etls.js';
import { isPersistentExecution } from '../../../domain/v5-etl-executions/model.js';
import type { PersistentEtl } from '../../../domain/v5-etls/model.js';
import { presentEtlExecution } from '../../presenters/v5.js';
import { presentEtl } from '../../presenters/v5-etls.js';
import { Empty, JsonDetails, Moment, StatusBadge } from '../parts.js';
import type { UiSection } from '../ui-section.js';

/** The newest executions shown per ETL; the records section lists them all. */
const SHOWN_EXECUTIONS = 10;
const TRIGGER_LABEL = {
  TRIGGER_EXECUTION: 'manual (trigger-execution)',
  FILE_TRANSFER: 'dropped file',
} as const;

/**
 * The tenant's persistent ETLs, as GET .../etls presents them, each with its newest executions as
 * GET .../etl-executions?etlId= presents them. Only looks: no execution's status read is counted.
 */
export const etlsSection: UiSection = {
  id: 'etls',
  title: 'Persistent ETLs',
  refresh: true,
  render({ tenant }) {
    const found: { etl: PersistentEtl; executions: PersistentEtlExecutionWire[]; total: number }[] = [];
    for (const entity of tenant.entities.values()) {
      const executions = [...entity.etlExecutions.values()].filter(isPersistentExecution);
      for (const etl of entity.etls.values()) {
        const own = executions
          .filter((execution) => execution.etlId === etl.id)
          .sort((a, b) => Number(b.id) - Number(a.id));
        found.push({
          etl,
          executions: own
            .slice(0, SHOWN_EXECUTIONS)
            .map((execution) => presentEtlExecution(execution) as PersistentEtlExecutionWire),
          total: own.length,
        });
      }
    }
    if (found.length === 0) {
      return (
        <Empty name="etls">
          {
            'No persistent ETL yet: POST /mass-imports/v5/entities/{entity}/etls stores one, and it appears here with its executions.'
          }
        </Empty>
      );
    }
    found.sort((a, b) => b.etl.createdAt - a.etl.createdAt || Number(b.etl.id) - Number(a.etl.id));
    return (
      <>
        <p class="summary">
          {found.length} persistent ETL{found.length === 1 ? '' : 's'}, newest first; each with its newest{' '}
          {SHOWN_EXECUTIONS} executions at most.
        </p>
        <table class="etls">
          <thead>
            <tr>
              <th>ETL</th>
              <th>Tables</th>
              <th>File transfer</th>
              <th>Executions</th>
            </tr>
          </thead>
          <tbody>
            {found.map(({ etl, executions, total }) => (
              <EtlRow entity={etl.entity} etl={presentEtl(etl)} executions={executions} total={total} />
            ))}
          </tbody>
        </table>
      </>
    );
  },
};

function EtlRow({
  entity,
  etl,
  executions,
  total,
}: {
  entity: string;
  etl: PersistentEtlWire;
  executions: PersistentEtlExecutionWire[];
  total: number;
}) {
  const key = `${entity}:${etl.id}`;
  return (
    <tr data-etl={key}>
      <td>
        <strong>ETL {etl.id}</strong>
        <div>{etl.name ?? <span class="muted">(no name)</span>}</div>
        <div class="muted">
          {entity} · {etl.mode} · created <Moment at={etl.creationMoment} />
          {etl.updateMoment === etl.creationMoment ? null : (
            <>
              , replaced <Moment at={etl.updateMoment} />
            </>
          )}
        </div>
        <JsonDetails id={`${key}:definition`} summary="definition" value={etl} />
      </td>
      <td>
        <ul class="tables">
          {etl.tables.map((entry) => (
            <li data-table={entry.table.name ?? String(entry.table.id)}>
              {entry.table.name ?? `table ${entry.table.id}`} (
              {entry.table.type === 'PROFILE_TABLE' ? 'profile' : 'custom'} table) ←{' '}
              {entry.fileNamePattern === undefined ? 'the file' : <code>{entry.fileNamePattern}</code>}
              {entry.required ? '' : ', optional'}
            </li>
          ))}
        </ul>
      </td>
      <td>
        <FileTransfer etl={etl} />
      </td>
      <td>
        {executions.length === 0 ? (
          <span class="muted">
            none yet: POST .../etls/{etl.id}/trigger-execution
            {etl.fileTransferLocation ? ', or drop a file' : ''}
          </span>
        ) : (
          <ol class="executions">
            {executions.map((execution) => (
              <li data-execution={execution.id} data-trigger={execution.trigger}>
                <strong>{execution.id}</strong> <StatusBadge status={execution.status} />{' '}
                {TRIGGER_LABEL[execution.trigger]}
                {execution.inputFile === null ? null : (
                  <>
                    , <code>{execution.inputFile}</code>
                  </>
                )}
                <div class="muted">
                  created <Moment at={execution.creationMoment} />, ended <Moment at={execution.endMoment} />
                </div>
                {execution.errorMessage ? <div class="error">{execution.errorMessage}</div> : null}
              </li>
            ))}
          </ol>
        )}
        {total > executions.length ? (
          <div class="muted">
            {total - executions.length} older in the records section (GET .../etl-executions?etlId={etl.id})
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** Where the ETL takes files from: its file transfer location (a folder the server watches), or nowhere. */
function FileTransfer({ etl }: { etl: PersistentEtlWire }) {
  const location = etl.fileTransferLocation?.locationId;
  const pattern = etl.file?.fileNamePattern;
  if (location === undefined)
    return <span class="muted">no file transfer location: runs on trigger-execution only</span>;
  return (
    <div data-location={location}>
      file transfer location <code>{location}</code>
      <div class="muted">
        drop folder <code class="path">&lt;--drop-dir&gt;/{location}/</code>, or POST{' '}
        <code class="path">/__mock/locations/{location}/files</code>
      </div>
      <div class="muted">
        {pattern === undefined ? (
          'starts on a file matching a table entry'
        ) : (
          <>
            starts on <code>{pattern}</code>
          </>
        )}
      </div>
    </div>
  );
}
