import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { UI_SECTION_IDS } from '../contracts/ui.js';
import { expectContract } from './helpers/contract.js';
import { createEtl, sendJson, shopExport, trigger, twoTableEtl } from './helpers/etls.js';
import { csv } from './helpers/files.js';
import { call } from './helpers/records-client.js';
import type { Harness, Session } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;
const HOSTILE = '<script>window.pwned=1</script>';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
const SUBSCRIPTIONS = `/webhooks/v4/entity/${ENTITY}/webhookSubscription`;

/** One row of a section's table, by its data attribute, or '' when there is none. */
function rowOf(html: string, attribute: string, value: string): string {
  const start = html.indexOf(`<tr ${attribute}="${value}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</tr>', start));
}

async function listening(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A real receiver on 127.0.0.1 answering 500 under /broken and 200 elsewhere, and the origin of a
 * port nothing listens on. In-process, MSW lets the mock's POSTs to both through to the network.
 */
async function startLocalReceivers(harness: Harness) {
  const received: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(request.url ?? '/');
      response.writeHead(request.url?.startsWith('/broken') ? 500 : 200).end('received');
    });
  });
  const origin = await listening(server);
  const gone = createServer();
  const closed = await listening(gone);
  await new Promise((resolve) => gone.close(resolve));
  for (const passing of [origin, closed]) harness.msw()?.use(http.post(`${passing}/*`, () => passthrough()));
  return {
    url: (path: string) => `${origin}${path}`,
    closedUrl: (path: string) => `${closed}${path}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function subscribe(session: Session, body: Record<string, unknown>): Promise<string> {
  const response = await sendJson(session, 'POST', SUBSCRIPTIONS, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe.each(TRANSPORTS)('the dashboard page (%s)', (transport) => {
  const harness = useTransport(transport);
  let receivers: Awaited<ReturnType<typeof startLocalReceivers>> | undefined;
  afterEach(async () => {
    await receivers?.close();
    receivers = undefined;
  });

  async function section(session: Session, id: string): Promise<string> {
    const response = await fetch(`${session.baseUrl}/__mock/ui/sections/${id}`, {
      headers: { 'x-mock-tenant': session.client.tenant as string },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  async function page(baseUrl: string, tenant: string) {
    const response = await fetch(`${baseUrl}/__mock/ui?tenant=${tenant}`);
    return { response, html: await response.text() };
  }

  it('serves one page with every section, for the tenant named in the query', async () => {
    const { client, baseUrl } = await harness.session();
    const { response, html } = await page(baseUrl, client.tenant as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    await expectContract(await fetch(response.url), 'getMockDashboard');
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain(`<body data-tenant="${client.tenant}"`);
    for (const id of UI_SECTION_IDS)
      expect(html).toContain(`<section id="section-${id}" data-section="${id}"`);
    expect(html).toContain('data-empty="records"');
    // Nothing from elsewhere: no external script, stylesheet or font.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\//);
  });

  it('allows its own inline script and style by hash, and nothing else', async () => {
    const { client, baseUrl } = await harness.session();
    const { response, html } = await page(baseUrl, client.tenant as string);
    const policy = response.headers.get('content-security-policy') ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(script).toContain('/__mock/journal?');
    expect(policy).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(policy).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(policy).toContain("default-src 'none'");
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('renders each section alone for the refreshes, and names the sections when one is unknown', async () => {
    const { client, baseUrl } = await harness.session();
    const headers = { 'x-mock-tenant': client.tenant as string };
    for (const id of UI_SECTION_IDS) {
      const response = await fetch(`${baseUrl}/__mock/ui/sections/${id}`, { headers });
      expect({ id, status: response.status }).toEqual({ id, status: 200 });
      const body = (await expectContract(response, 'getMockDashboardSection')) as Uint8Array;
      expect(new TextDecoder().decode(body)).not.toContain('<html');
    }
    const unknown = await fetch(`${baseUrl}/__mock/ui/sections/nowhere`, { headers });
    expect({ status: unknown.status, body: await unknown.json() }).toEqual({
      status: 404,
      body: {
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        message: `The dashboard has no section "nowhere"; it has ${UI_SECTION_IDS.join(', ')}.`,
      },
    });
  });

  it('shows a finished execution with its counts and file links carrying the tenant', async () => {
    const { client, control, baseUrl } = await harness.session();
    await control.setProgression('*', { type: 'immediate' });
    const created = await client.uploadEtl(
      ENTITY,
      {
        table: { type: 'PROFILE_TABLE', name: 'Profiles' },
        mode: 'CREATE_UPDATE',
        attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
        outputFiles: { generateResultFile: true, generateErrorFile: false },
      },
      csv([['mail'], ['ann@example.com'], ['nope']]),
    );
    const { id } = (await created.json()) as { id: string };
    const records = await fetch(`${baseUrl}/__mock/ui/sections/records?tenant=${client.tenant}`);
    const html = await records.text();
    expect(html).toContain(`<tr data-record="v5.etlExecution:${id}" data-status="WITH_ERROR">`);
    expect(html).toContain('<div data-count="createdRows"><dt>created</dt><dd>1</dd></div>');
    expect(html).toContain('<div data-count="rowsInError"><dt>in error</dt><dd>1</dd></div>');
    const href = `/__mock/entities/${ENTITY}/etl-executions/${id}/output-files?tenant=${client.tenant}`;
    expect(html).toContain(`<a href="${href}" download="etl-execution-${id}-output-files.zip">`);
    const download = await fetch(`${baseUrl}${href}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
  });

  it('lists the single-record writes, newest first, with why a refused one was refused', async () => {
    const session = await harness.session();
    const headers = { 'x-mock-tenant': session.client.tenant as string };
    const profiles = '/v4/entity/demo/table/Profiles/profile';
    await call(session, 'createProfile', 'POST', profiles, {
      attributes: [{ name: 'emailAddress', value: 'w@example.com' }],
    });
    await call(session, 'createProfile', 'POST', profiles, {
      attributes: [{ name: 'emailAddress', value: HOSTILE }],
    });
    await call(session, 'getProfile', 'GET', `${profiles}/1`);
    const response = await fetch(`${session.baseUrl}/__mock/ui/sections/writes`, { headers });
    const html = await response.text();
    const rows = [...html.matchAll(/<tr data-write="\d+">([\s\S]*?)<\/tr>/g)].map((row) => row[1] as string);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('400');
    expect(rows[0]).toContain('INVALID_EMAIL');
    expect(rows[1]).toContain('createProfile');
    expect(html).not.toContain(HOSTILE);
  });

  it('says there is no persistent ETL and no webhook yet, and no delivery for a fresh subscription', async () => {
    const session = await harness.session();
    expect(await section(session, 'etls')).toContain('<p class="empty" data-empty="etls">');
    expect(await section(session, 'webhooks')).toContain('<p class="empty" data-empty="webhooks">');
    const id = await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      targetUrl: 'https://hooks.example.com/actito',
      isActive: false,
    });
    const html = await section(session, 'webhooks');
    expect(html).toContain('data-empty="webhook-deliveries"');
    expect(html).not.toContain('data-empty="webhooks"');
    const row = rowOf(html, 'data-subscription', id);
    expect(row).toContain('ETL FINISHED');
    expect(row).toContain('https://hooks.example.com/actito');
    expect(row).toContain('<td data-field="active">no</td>');
  });

  it('shows persistent ETLs with their executions, manual and dropped, and the webhook deliveries to a real receiver', async () => {
    receivers = await startLocalReceivers(harness);
    const session = await harness.session();
    const { control } = session;
    await control.setProgression('v5.etlExecution', { type: 'immediate' });
    await control.updateWebhookSettings({ retryDelaysMs: [1000] });
    const locationId = `ui-${process.pid}-${transport}`;
    const etlId = await createEtl(session, {
      ...twoTableEtl,
      file: { fileNamePattern: 'shop_$yyyyMMdd.zip' },
      fileTransferLocation: { locationId },
    });
    const oneShot = await createEtl(session, { ...twoTableEtl, name: 'Pushed only' });
    const delivered = await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      onElementId: etlId,
      targetUrl: receivers.url('/ok'),
    });
    const broken = await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      onElementId: etlId,
      targetUrl: receivers.url('/broken'),
    });
    const unreachable = await subscribe(session, {
      on: 'ETL',
      eventType: 'STARTED',
      onElementId: etlId,
      targetUrl: receivers.closedUrl('/nobody'),
    });

    const manual = await trigger(session, etlId, shopExport(), 'shop-export.zip');
    const dropped = await control.dropFile(locationId, 'shop_20260302.zip', shopExport());
    expect(dropped).toMatchObject({ outcome: 'processed', executions: [{ etlId }] });
    const fromDrop = dropped.executions[0]?.executionId as string;
    // Settled on the mock clock. A subscription's deliveries go in order: its second waits until
    // its first has failed its one retry, a second later; that one's retry comes a second after.
    expect(await control.settleWebhooks()).toMatchObject({ settled: true, delivered: 2, scheduled: 4 });
    await control.advance({ ms: 1000 });
    expect(await control.settleWebhooks()).toMatchObject({ settled: true, scheduled: 2, failed: 2 });
    await control.advance({ ms: 1000 });
    expect(await control.settleWebhooks()).toMatchObject({ settled: true, scheduled: 0, failed: 4 });
    expect(receivers.received.sort()).toEqual(['/broken', '/broken', '/broken', '/broken', '/ok', '/ok']);

    const etls = await section(session, 'etls');
    const row = rowOf(etls, 'data-etl', `${ENTITY}:${etlId}`);
    expect(row).toContain(`<strong>ETL ${etlId}</strong>`);
    expect(row).toContain('Nightly shop export');
    expect(row).toContain(
      '<li data-table="Profiles">Profiles (profile table) ← <code>profiles_$yyyyMMdd.csv</code>',
    );
    expect(row).toContain(`<div data-location="${locationId}">`);
    expect(row).toContain(`/__mock/locations/${locationId}/files`);
    expect(row).toContain('starts on <code>shop_$yyyyMMdd.zip</code>');
    const execution = (id: string) => {
      const start = row.indexOf(`<li data-execution="${id}"`);
      return start < 0 ? '' : row.slice(start, row.indexOf('</li>', row.indexOf('</div>', start)));
    };
    expect(execution(manual)).toContain('data-trigger="TRIGGER_EXECUTION"');
    expect(execution(manual)).toContain('manual (trigger-execution), <code>shop-export.zip</code>');
    expect(execution(manual)).toContain('WITH_ERROR');
    expect(execution(fromDrop)).toContain('data-trigger="FILE_TRANSFER"');
    expect(execution(fromDrop)).toContain('dropped file, <code>shop_20260302.zip</code>');
    // Newest first.
    expect(row.indexOf(`data-execution="${fromDrop}"`)).toBeLessThan(
      row.indexOf(`data-execution="${manual}"`),
    );
    const other = rowOf(etls, 'data-etl', `${ENTITY}:${oneShot}`);
    expect(other).toContain('Pushed only');
    expect(other).toContain('no file transfer location: runs on trigger-execution only');
    expect(other).not.toContain('data-execution=');

    const webhooks = await section(session, 'webhooks');
    for (const [id, path] of [
      [delivered, receivers.url('/ok')],
      [broken, receivers.url('/broken')],
      [unreachable, receivers.closedUrl('/nobody')],
    ] as const) {
      const subscription = rowOf(webhooks, 'data-subscription', id);
      expect(subscription).toContain(`<code class="path">${path}</code>`);
      expect(subscription).toContain('<td data-field="active">yes</td>');
    }
    const { deliveries } = await control.webhookDeliveries();
    expect(deliveries.map((d) => [d.subscriptionId, d.status, d.attempts.length]).sort()).toEqual(
      [
        [delivered, 'DELIVERED', 1],
        [delivered, 'DELIVERED', 1],
        [broken, 'FAILED', 2],
        [broken, 'FAILED', 2],
        [unreachable, 'FAILED', 2],
        [unreachable, 'FAILED', 2],
      ].sort(),
    );
    for (const delivery of deliveries) {
      const shown = rowOf(webhooks, 'data-delivery', delivery.id);
      expect(shown).toContain(`data-status="${delivery.status}"`);
      expect(shown).toContain(`<td>${delivery.attempts.length}</td>`);
      if (delivery.subscriptionId === delivered) {
        expect(shown).toContain('ETL FINISHED');
        expect(shown).toContain('<td data-field="outcome">delivered</td>');
        expect(shown).toContain('<td data-field="last">200</td>');
      } else if (delivery.subscriptionId === broken) {
        expect(shown).toContain('<td class="bad" data-field="outcome">failed, retried</td>');
        expect(shown).toContain('<td class="bad" data-field="last">500<div class="error">');
      } else {
        expect(shown).toContain('ETL STARTED');
        expect(shown).toContain('<td class="bad" data-field="outcome">failed, retried</td>');
        expect(shown).toContain('<td class="bad" data-field="last">no answer<div class="error">');
        expect(shown).toContain(delivery.attempts[1]?.error as string);
      }
    }
    expect(webhooks).toContain('6 deliveries in the log, newest first; 0 in flight, 0 waiting for a try');
  });

  it('escapes what clients sent: table names, definitions', async () => {
    const { client, control, baseUrl } = await harness.session();
    await control.seedEntity(ENTITY, {
      profileTables: [
        {
          id: '9',
          name: HOSTILE,
          attributes: [{ type: 'EMAIL_ADDRESS', name: 'emailAddress', unique: true, mandatory: true }],
        },
      ],
      customTables: [],
    });
    const created = await client.uploadEtl(
      ENTITY,
      {
        table: { type: 'PROFILE_TABLE', id: '9' },
        mode: 'CREATE_UPDATE',
        attributesMapping: [
          { headerColumn: `"><img src=x onerror=alert(1)>`, attributeName: 'emailAddress' },
        ],
      },
      csv([['"""><img src=x onerror=alert(1)>"'], ['ann@example.com']]),
    );
    expect(created.status).toBe(201);
    const { html } = await page(baseUrl, client.tenant as string);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(html).toContain('&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes what clients sent: ETL names, file names, webhook target URLs', async () => {
    const session = await harness.session();
    const { client, baseUrl } = session;
    const img = `"><img src=x onerror=alert(1)>`;
    const etlId = await createEtl(session, { ...twoTableEtl, name: HOSTILE });
    await trigger(session, etlId, shopExport(), `${img}.zip`);
    await subscribe(session, {
      on: 'ETL',
      eventType: 'FINISHED',
      targetUrl: `https://hooks.example.com/${img}`,
      isActive: false,
    });
    const { html } = await page(baseUrl, client.tenant as string);
    expect(html).toContain(`<strong>ETL ${etlId}</strong>`);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(html).toContain('&gt;&lt;img src=x onerror=alert(1)&gt;.zip');
    expect(html).toContain('https://hooks.example.com/');
  });

  it('is a look, not a client read: nothing moves and nothing is journaled', async () => {
    const session = await harness.session();
    const { client, control, baseUrl } = session;
    await control.setProgression('*', { type: 'afterPolls', polls: 0 });
    const created = await client.uploadEtl(
      ENTITY,
      { table: { type: 'PROFILE_TABLE', name: 'Profiles' }, mode: 'CREATE_UPDATE' },
      csv([['emailAddress'], ['ann@example.com']]),
    );
    const { id } = (await created.json()) as { id: string };
    // A persistent ETL's execution too: the ETLs section shows it.
    const triggered = await trigger(session, await createEtl(session), shopExport(), 'shop-export.zip');
    const journal = await control.journal();
    for (let i = 0; i < 3; i += 1) {
      await page(baseUrl, client.tenant as string);
      for (const section of UI_SECTION_IDS)
        await fetch(`${baseUrl}/__mock/ui/sections/${section}?tenant=${client.tenant}`);
    }
    expect(await control.journal()).toEqual(journal);
    const statuses = Object.fromEntries((await control.records()).records.map((r) => [r.id, r.status]));
    expect(statuses).toMatchObject({ [id]: 'PENDING', [triggered]: 'PENDING' });
    // One real status read moves it: the page's looks were not counted.
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status: 'RUNNING' });
  });

  it('refuses an invalid tenant name with a clear error', async () => {
    const { baseUrl } = await harness.session();
    const response = await fetch(`${baseUrl}/__mock/ui?tenant=${encodeURIComponent('a b')}`);
    expect({ status: response.status, body: await response.json() }).toMatchObject({
      status: 400,
      body: { code: 'INVALID_CONTROL_REQUEST', message: expect.stringContaining('not a valid tenant name') },
    });
  });
});
