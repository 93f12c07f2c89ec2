import { presentTenants } from '../../presenters/tenants.js';
import { Moment } from '../parts.js';
import type { UiSection } from '../ui-section.js';

/** Every tenant the mock knows (each test worker usually has its own), to switch to it. */
export const tenantsSection: UiSection = {
  id: 'tenants',
  title: 'Tenants',
  refresh: true,
  render({ core, tenant }) {
    const { tenants } = presentTenants(core);
    return (
      <table>
        <thead>
          <tr>
            <th>Tenant</th>
            <th>Entities</th>
            <th>V5 executions</th>
            <th>V4 imports</th>
            <th>Mock time</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((known) => (
            <tr data-tenant-row={known.name} class={known.name === tenant.name ? 'current' : undefined}>
              <td>
                <a href={`/__mock/ui?tenant=${encodeURIComponent(known.name)}`}>{known.name}</a>
              </td>
              <td>{known.entities.join(', ')}</td>
              <td>{known.etlExecutions}</td>
              <td>{known.v4Imports}</td>
              <td>
                <Moment at={known.now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
};
