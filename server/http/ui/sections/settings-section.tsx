import type { ProgressionPolicy } from '../../../../contracts/control.js';
import { isoMoment } from '../../../domain/clock.js';
import { RECORD_KINDS } from '../../../domain/lifecycle/progression.js';
import { settingsState } from '../../routes/control-settings.js';
import { Moment } from '../parts.js';
import type { UiSection } from '../ui-section.js';

/** The tenant's clock, progression, V4 setting, limits with their usage, and armed faults. */
export const settingsSection: UiSection = {
  id: 'settings',
  title: 'Clock, progression, settings and faults',
  refresh: true,
  render({ tenant }) {
    const state = settingsState(tenant);
    const faults = tenant.faults.list();
    return (
      <dl class="settings">
        <div>
          <dt>mock time</dt>
          <dd>
            <Moment at={isoMoment(tenant.clock.now())} />
          </dd>
        </div>
        {RECORD_KINDS.map((kind) => (
          <div>
            <dt>progression of {kind}</dt>
            <dd>{describePolicy(tenant.progression[kind])}</dd>
          </div>
        ))}
        <div>
          <dt>V4 routes</dt>
          <dd>{state.v4Sunset}</dd>
        </div>
        {Object.entries(state.limits).map(([name, value]) => (
          <div>
            <dt>{name}</dt>
            <dd>{value === null ? 'off' : value}</dd>
          </div>
        ))}
        <div>
          <dt>requests in flight</dt>
          <dd>{state.usage.inFlightRequests}</dd>
        </div>
        <div>
          <dt>V4 imports today</dt>
          <dd>
            {state.usage.v4ImportsToday.length
              ? state.usage.v4ImportsToday
                  .map((u) => `${u.entity}/${u.table}: ${u.importsCreated}`)
                  .join(', ')
              : 'none'}
          </dd>
        </div>
        <div>
          <dt>faults armed</dt>
          <dd>{faults.length ? faults.map((fault) => JSON.stringify(fault)).join('\n') : 'none'}</dd>
        </div>
      </dl>
    );
  },
};

function describePolicy(policy: ProgressionPolicy): string {
  switch (policy.type) {
    case 'immediate':
      return 'immediate: final on upload';
    case 'manual':
      return 'manual: moves on POST /__mock/advance';
    case 'afterMs':
      return `afterMs: each status lasts ${policy.ms} ms of the mock clock`;
    case 'afterPolls':
      return `afterPolls: each status ends after ${policy.polls} status read(s)${policy.ms === undefined ? '' : ` or ${policy.ms} ms`}`;
  }
}
