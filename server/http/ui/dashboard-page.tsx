import { MOCK_VERSION } from '../version.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';
import { DASHBOARD_STYLE } from './dashboard-style.js';
import { UI_SECTIONS } from './sections.js';
import type { UiContext } from './ui-section.js';

/** How often the page polls the journal and re-renders its live sections. */
const REFRESH_MS = 1000;

/** The whole page: a header to pick the tenant and reset it, then one element per section. */
export function DashboardPage({ context }: { context: UiContext }) {
  const tenant = context.tenant.name;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>actito-mock · {tenant}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: DASHBOARD_STYLE }} />
      </head>
      <body data-tenant={tenant} data-refresh-ms={String(REFRESH_MS)}>
        <header>
          <h1>
            actito-mock <small>{MOCK_VERSION}</small>
          </h1>
          <form method="get" action="/__mock/ui">
            <label>
              Tenant{' '}
              <input
                name="tenant"
                list="known-tenants"
                value={tenant}
                required
                pattern="[A-Za-z0-9._\-]{1,64}"
                size={24}
              />
            </label>
            <datalist id="known-tenants">
              {context.core.tenantNames().map((name) => (
                <option value={name} />
              ))}
            </datalist>{' '}
            <button type="submit">Open</button>
          </form>
          <button type="button" id="reset">
            Reset tenant {tenant}
          </button>
          <nav>
            {UI_SECTIONS.map((section) => (
              <a href={`#section-${section.id}`}>{section.title}</a>
            ))}
          </nav>
          <p id="poll-status" role="status" />
        </header>
        <main>
          {UI_SECTIONS.map((section) => (
            <section
              id={`section-${section.id}`}
              data-section={section.id}
              data-refresh={section.refresh ? '' : undefined}
            >
              <h2>{section.title}</h2>
              <div class="section-body">{section.render(context)}</div>
            </section>
          ))}
        </main>
        <script dangerouslySetInnerHTML={{ __html: DASHBOARD_SCRIPT }} />
      </body>
    </html>
  );
}
