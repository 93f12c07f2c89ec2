import type {
  MockRecord,
  RecordCounts,
  RecordFile,
  RecordTable,
} from '../../../../contracts/control-records.js';
import { presentRecords } from '../../presenters/records.js';
import { Empty, JsonDetails, Moment, StatusBadge } from '../parts.js';
import type { UiSection } from '../ui-section.js';

const SHOWN = 100;
const KIND_LABEL = { 'v5.etlExecution': 'V5 execution', 'v4.import': 'V4 import' } as const;

/** The tenant's imports and executions: status timeline, counts, data file, output files, definition. */
export const recordsSection: UiSection = {
  id: 'records',
  title: 'Imports and executions',
  refresh: true,
  render({ tenant }) {
    const { records, total } = presentRecords(tenant, { limit: SHOWN });
    if (total === 0) {
      return (
        <Empty name="records">
          No imports or executions yet: upload through the API (POST .../etl-executions or a V4 import) and
          they appear here.
        </Empty>
      );
    }
    return (
      <>
        <p class="summary">
          {total} record{total === 1 ? '' : 's'}
          {total > records.length ? `, the newest ${records.length} shown` : ''}, newest first.
        </p>
        <table class="records">
          <thead>
            <tr>
              <th>Record</th>
              <th>Status</th>
              <th>Timeline</th>
              <th>Rows</th>
              <th>Data file</th>
              <th>Output files</th>
              <th>Definition</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <RecordRow record={record} tenant={tenant.name} />
            ))}
          </tbody>
        </table>
      </>
    );
  },
};

function RecordRow({ record, tenant }: { record: MockRecord; tenant: string }) {
  const key = `${record.kind}:${record.id}`;
  return (
    <tr data-record={key} data-status={record.status}>
      <td>
        <strong>
          {KIND_LABEL[record.kind]} {record.id}
        </strong>
        {record.kind === 'v5.etlExecution' && record.etlId !== undefined ? (
          <div class="muted">
            of ETL {record.etlId}, {record.trigger}
          </div>
        ) : null}
        <div class="muted">
          {record.entity} · {record.table.name} (
          {record.table.type === 'PROFILE_TABLE' ? 'profile' : 'custom'} table)
        </div>
      </td>
      <td>
        <StatusBadge status={record.status} />
        {record.kind === 'v4.import' && record.outcome && record.outcome !== record.status ? (
          <div class="muted">run: {record.outcome}</div>
        ) : null}
        {record.errorMessage ? <div class="error">{record.errorMessage}</div> : null}
      </td>
      <td>
        <ol class="timeline">
          <li>
            created <Moment at={record.creationMoment} />
          </li>
          <li>
            started <Moment at={record.startMoment} />
          </li>
          <li>
            ended <Moment at={record.endMoment} />
          </li>
          {record.outcome === null ? <NextMove at={record.nextMoveMoment} /> : null}
        </ol>
      </td>
      <td>
        <Counts counts={record.counts} final={record.outcome !== null} />
        {record.kind === 'v5.etlExecution' && record.tables ? <TableEntries tables={record.tables} /> : null}
      </td>
      <td>
        <div>{record.dataFile.name ?? `(${record.dataFile.source})`}</div>
        <div class="muted">
          {record.dataFile.compression}, {record.dataFile.size} bytes, {record.dataFile.rowCount} rows read
        </div>
        {record.dataFile.fileError ? <div class="error">{record.dataFile.fileError}</div> : null}
      </td>
      <td>
        {record.files.length ? (
          <ul class="files">
            {record.files.map((file) => (
              <FileLink file={file} tenant={tenant} />
            ))}
          </ul>
        ) : (
          <span class="muted">none requested</span>
        )}
      </td>
      <td>
        {record.kind === 'v5.etlExecution' ? (
          <JsonDetails id={`${key}:definition`} summary="definition" value={record.definition} />
        ) : (
          <JsonDetails id={`${key}:parameters`} summary="parameters" value={record.parameters} />
        )}
      </td>
    </tr>
  );
}

/** Each table entry of a persistent ETL's execution: its file and its own counts. */
function TableEntries({ tables }: { tables: RecordTable[] }) {
  return (
    <ul class="tables">
      {tables.map((entry) => (
        <li data-table={entry.table.name}>
          {entry.table.name} ← {entry.fileName ?? '(no file)'}:{' '}
          {entry.counts
            ? `${entry.counts.totalRows} rows, ${entry.counts.createdRows} created, ${entry.counts.updatedRows} updated, ${entry.counts.rowsInError} in error`
            : (entry.errorMessage ?? 'when final')}
        </li>
      ))}
    </ul>
  );
}

function NextMove({ at }: { at: string | null }) {
  return (
    <li class="muted">
      {at === null ? 'moves on a status read or POST /__mock/advance' : 'next move '}
      {at === null ? null : <Moment at={at} />}
    </li>
  );
}

const COUNT_LABELS: [keyof RecordCounts, string][] = [
  ['totalRows', 'total'],
  ['createdRows', 'created'],
  ['updatedRows', 'updated'],
  ['skippedRows', 'skipped'],
  ['rowsInError', 'in error'],
];

function Counts({ counts, final }: { counts: RecordCounts | null; final: boolean }) {
  if (counts === null) return <span class="muted">{final ? 'no rows (file refused)' : 'when final'}</span>;
  return (
    <dl class="counts">
      {COUNT_LABELS.map(([field, label]) => (
        <div data-count={field}>
          <dt>{label}</dt>
          <dd>{counts[field]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A download link: the tenant goes in the query, since a link cannot carry X-Mock-Tenant. */
function FileLink({ file, tenant }: { file: RecordFile; tenant: string }) {
  const entries = file.entries.length ? ` (${file.entries.join(', ')})` : '';
  if (!file.available) {
    return (
      <li class="muted" data-file={file.name}>
        {file.fileName}
        {entries}: once final
      </li>
    );
  }
  return (
    <li data-file={file.name}>
      <a href={`${file.href}?tenant=${encodeURIComponent(tenant)}`} download={file.fileName}>
        {file.fileName}
      </a>
      {entries}
      <div class="muted">
        as <code>GET {file.actitoPath}</code>
      </div>
    </li>
  );
}
