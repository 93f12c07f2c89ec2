import type { CoverageReport } from '../../../../contracts/control.js';
import { listOrNone, Moment } from '../parts.js';
import type { UiSection } from '../ui-section.js';

/** What the clients exercised since the last reset, and above all what they never did. */
export const coverageSection: UiSection = {
  id: 'coverage',
  title: 'Coverage',
  refresh: true,
  render({ tenant, operations }) {
    const report = tenant.coverage.report(operations.known());
    return (
      <>
        <p class="summary">
          {report.requests} request{report.requests === 1 ? '' : 's'} since <Moment at={report.since} /> (the
          last reset); 401 answered: {report.unauthorized ? 'yes' : 'no'}; 429 answered:{' '}
          {report.tooManyRequests ? 'yes' : 'no'}.
        </p>
        <h3>Never</h3>
        <dl class="never">
          <NeverList name="operations" label="operations never called" items={report.never.operations} />
          <NeverList
            name="finalStatuses"
            label="final statuses never read (kinds uploaded)"
            items={report.never.finalStatuses}
          />
          <NeverList name="responses" label="responses never answered" items={report.never.responses} />
        </dl>
        <OperationsCalled report={report} />
        <h3>Statuses read and error codes</h3>
        <ul>
          {Object.entries(report.recordStatuses).map(([kind, seen]) => (
            <li>
              {kind}: {counted(seen)}
            </li>
          ))}
          <li>error codes: {counted(report.errorCodes)}</li>
        </ul>
      </>
    );
  },
};

function NeverList({ name, label, items }: { name: string; label: string; items: string[] }) {
  return (
    <div data-never={name}>
      <dt>{label}</dt>
      <dd>{listOrNone(items)}</dd>
    </div>
  );
}

function OperationsCalled({ report }: { report: CoverageReport }) {
  if (report.operations.length === 0) return <p class="muted">No operation called yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Operation called</th>
          <th>Calls</th>
          <th>Statuses answered</th>
        </tr>
      </thead>
      <tbody>
        {report.operations.map((operation) => (
          <tr data-operation={operation.operation}>
            <td>{operation.operation}</td>
            <td>{operation.calls}</td>
            <td>{counted(operation.statuses)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `201 ×1, 200 ×3`, or `none`. */
function counted(counts: Record<string, number>): string {
  return listOrNone(Object.entries(counts).map(([key, count]) => `${key} ×${count}`));
}
