import { tableRecordOperations } from '../../../../contracts/operations/table-records.js';
import { Empty, Moment } from '../parts.js';
import type { UiSection } from '../ui-section.js';

/** The operations that write one record (reads and searches stay in the journal). */
const WRITES = new Set(
  tableRecordOperations.filter((operation) => operation.method !== 'get').map((operation) => operation.id),
);
const SHOWN = 50;

/** The newest single-record writes of the tenant: what each did to which record, and why a refused one was. */
export const writesSection: UiSection = {
  id: 'writes',
  title: 'Single-record writes',
  refresh: true,
  render({ tenant }) {
    const writes = tenant.journal
      .entries()
      .filter((entry) => entry.operation !== null && WRITES.has(entry.operation))
      .slice(-SHOWN)
      .reverse();
    if (writes.length === 0)
      return <Empty name="writes">No profile or custom record written through the API yet.</Empty>;
    return (
      <table>
        <thead>
          <tr>
            <th>At</th>
            <th>Operation</th>
            <th>Path</th>
            <th>Status</th>
            <th>Refused because / notes</th>
          </tr>
        </thead>
        <tbody>
          {writes.map((entry) => (
            <tr data-write={entry.seq}>
              <td>
                <Moment at={entry.time} />
              </td>
              <td>{entry.operation}</td>
              <td>
                <code>{entry.path}</code>
              </td>
              <td class={entry.status >= 400 ? 'bad' : undefined}>{entry.status}</td>
              <td>{[entry.errorMessage, ...(entry.notes ?? [])].filter(Boolean).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
};
