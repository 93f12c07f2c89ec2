import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UI_SECTION_IDS } from '../contracts/ui.js';
import { expectContract } from './helpers/contract.js';
import { csv } from './helpers/files.js';
import { call } from './helpers/records-client.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;
const HOSTILE = '<script>window.pwned=1</script>';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

describe.each(TRANSPORTS)('the dashboard page (%s)', (transport) => {
  const harness = useTransport(transport);

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
    const unknown = await fetch(`${baseUrl}/__mock/ui/sections/webhooks`, { headers });
    expect({ status: unknown.status, body: await unknown.json() }).toEqual({
      status: 404,
      body: {
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        message: `The dashboard has no section "webhooks"; it has ${UI_SECTION_IDS.join(', ')}.`,
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

  it('is a look, not a client read: nothing moves and nothing is journaled', async () => {
    const { client, control, baseUrl } = await harness.session();
    await control.setProgression('*', { type: 'afterPolls', polls: 0 });
    const created = await client.uploadEtl(
      ENTITY,
      { table: { type: 'PROFILE_TABLE', name: 'Profiles' }, mode: 'CREATE_UPDATE' },
      csv([['emailAddress'], ['ann@example.com']]),
    );
    const { id } = (await created.json()) as { id: string };
    const journal = await control.journal();
    for (let i = 0; i < 3; i += 1) {
      await page(baseUrl, client.tenant as string);
      for (const section of UI_SECTION_IDS)
        await fetch(`${baseUrl}/__mock/ui/sections/${section}?tenant=${client.tenant}`);
    }
    expect(await control.journal()).toEqual(journal);
    expect((await control.records()).records[0]).toMatchObject({ id, status: 'PENDING' });
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
