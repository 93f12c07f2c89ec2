import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectActitoMock } from '../server/index.js';
import { ActitoTestClient } from './helpers/actito-client.js';
import { launchChromium } from './helpers/chromium.js';
import { shopExport, twoTableEtl } from './helpers/etls.js';
import { csv } from './helpers/files.js';
import type { ServerProcess } from './helpers/server-process.js';
import { ROOT, startServerProcess } from './helpers/server-process.js';
import { TEST_CLOCK_START } from './helpers/transports.js';
import { createV4, importPath, pollV4ToEnd } from './helpers/v4-client.js';

/** Git-ignored; docs/control-plane.md says where the screenshot is kept. */
const ARTIFACTS = `${ROOT}artifacts`;
const SCREENSHOT = `${ARTIFACTS}/dashboard.png`;
const ENTITY = 'demo';
const BASE = `/mass-imports/v5/entities/${ENTITY}/etl-executions`;
/** Generous: each wait ends as soon as the page shows what it waits for (the page polls every second). */
const WAIT = { timeout: 15_000 };

const definition = {
  table: { type: 'PROFILE_TABLE', name: 'Profiles' },
  mode: 'CREATE_UPDATE',
  attributesMapping: [
    { headerColumn: 'mail', attributeName: 'emailAddress' },
    { headerColumn: 'first', attributeName: 'firstName' },
  ],
  outputFiles: { generateResultFile: true, generateErrorFile: true },
};
const file = csv([
  ['mail', 'first'],
  ['ann@example.com', 'Ann'],
  ['bob@example', 'Bob'],
  ['carl@example.com', 'Carl'],
]);

let server: ServerProcess;
let browser: Browser;
let tenantCounter = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServerProcess({ ACTITO_MOCK_CLOCK: `manual:${TEST_CLOCK_START}` }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function session() {
  tenantCounter += 1;
  const tenant = `ui${process.pid}-${tenantCounter}`;
  const client = new ActitoTestClient(server.url, tenant);
  await client.login();
  return { tenant, client, control: connectActitoMock(server.url, { tenant }) };
}

/** Uploads a V5 execution and polls it to its final status, as a client would. */
async function finishedExecution(client: ActitoTestClient, body: unknown = definition, data = file) {
  const created = await client.uploadEtl(ENTITY, body, data, 'profiles.csv');
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const status of ['PENDING', 'RUNNING', 'WITH_ERROR'])
    expect(await client.getJson(`${BASE}/${id}`)).toMatchObject({ status });
  return id;
}

async function openDashboard(tenant: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.url}/__mock/ui?tenant=${tenant}`);
  // The script ran (CSP allowed it, nothing threw): its first journal poll filled the counts.
  await page.locator('#journal-counts').filter({ hasText: 'shown' }).waitFor(WAIT);
  expect(problems).toEqual([]);
  return page;
}

const recordRow = (page: Page, kind: string, id: string | number) =>
  page.locator(`tr[data-record="${kind}:${id}"]`);

async function countsOf(page: Page, kind: string, id: string | number): Promise<Record<string, string>> {
  const cells = recordRow(page, kind, id).locator('[data-count]');
  const counts: Record<string, string> = {};
  for (const cell of await cells.all())
    counts[(await cell.getAttribute('data-count')) as string] =
      (await cell.locator('dd').textContent()) ?? '';
  return counts;
}

describe('the dashboard in headless Chromium', () => {
  it('shows uploads made through the API, downloads their real files, follows the journal live and resets', async () => {
    const { tenant, client, control } = await session();
    const etlId = await finishedExecution(client);
    const v4Id = await createV4(client, {
      parameters: {
        mode: 'CREATE_UPDATE',
        format: { separator: ';' },
        generateResultFile: true,
        attributesMapping: [{ headerColumn: 'mail', attributeName: 'emailAddress' }],
      },
      data: csv([['mail'], ['dan@example.com'], ['not-an-address']]),
    });
    expect(await pollV4ToEnd(client, v4Id)).toBe('FINISHED');
    const page = await openDashboard(tenant);

    const etlRow = recordRow(page, 'v5.etlExecution', etlId);
    await etlRow.waitFor(WAIT);
    expect(await etlRow.locator('[data-field=status]').textContent()).toBe('WITH_ERROR');
    expect(await countsOf(page, 'v5.etlExecution', etlId)).toEqual({
      totalRows: '3',
      createdRows: '2',
      updatedRows: '0',
      skippedRows: '0',
      rowsInError: '1',
    });
    expect(await etlRow.locator('.timeline').textContent()).toContain('ended 2026-03-02 09:00:00.000');
    expect(await recordRow(page, 'v4.import', v4Id).locator('[data-field=status]').textContent()).toBe(
      'FINISHED',
    );
    expect(await countsOf(page, 'v4.import', v4Id)).toMatchObject({ totalRows: '2', rowsInError: '1' });

    // A file link downloads the very file the Actito route serves.
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      etlRow.locator('[data-file=outputFiles] a').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`etl-execution-${etlId}-output-files.zip`);
    const downloaded = new Uint8Array(readFileSync(await download.path()));
    const served = new Uint8Array(await (await client.get(`${BASE}/${etlId}/output-files`)).arrayBuffer());
    expect(downloaded).toEqual(served);
    const entries = unzipSync(downloaded);
    expect(Object.keys(entries)).toEqual(['result.csv', 'errors.csv']);
    expect(strFromU8(entries['result.csv'] as Uint8Array)).toContain('bob@example;Bob;ERROR;');
    const [errors] = await Promise.all([
      page.waitForEvent('download', WAIT),
      recordRow(page, 'v4.import', v4Id).locator('[data-file=errorFile] a').click(),
    ]);
    expect(readFileSync(await errors.path(), 'utf8')).toBe(
      await (await client.get(importPath(v4Id, 'errors'))).text(),
    );

    // The journal is live: a request made now appears without reloading; the filters apply.
    await client.get(`${BASE}/999999`);
    const missing = page.locator('#journal-rows tr', { hasText: `${BASE}/999999` });
    await missing.waitFor(WAIT);
    expect(await missing.locator('td.status').textContent()).toContain('UNKNOWN_EXECUTION');
    await page.selectOption('#journal-filters select[name=status]', '4xx');
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('#journal-rows tr')];
        return rows.length > 0 && rows.every((row) => row.classList.contains('s4xx'));
      },
      undefined,
      WAIT,
    );
    await page.fill('#journal-filters input[name=path]', `${BASE}/*`);
    await page.selectOption('#journal-filters select[name=status]', '');
    await page
      .locator('#journal-rows tr', { hasText: `GET ${BASE}/${etlId}` })
      .first()
      .waitFor(WAIT);
    expect(await page.locator('#journal-rows tr', { hasText: 'POST' }).count()).toBe(0);
    await page.fill('#journal-filters input[name=path]', '');
    await page.locator('#journal-rows tr', { hasText: `POST ${BASE}` }).waitFor(WAIT);
    // The page itself is never journaled (nor a favicon request).
    const journal = await control.journal();
    expect(
      journal.entries.filter(
        (entry) =>
          !entry.path.startsWith('/mass-imports') &&
          !entry.path.startsWith('/v4') &&
          entry.path !== '/auth/token',
      ),
    ).toEqual([]);

    await page.locator('[data-never=operations]').waitFor(WAIT);
    expect(await page.locator('[data-never=operations] dd').textContent()).toContain(
      'getEtlExecutionIntegrationResults',
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await etlRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Reset, confirmed in the dialog: the tenant starts afresh and the page shows it empty.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#reset');
    await page.locator('[data-empty=records]').waitFor(WAIT);
    expect(await page.locator('tr[data-record]').count()).toBe(0);
    expect(await control.records()).toMatchObject({ total: 0 });
    await page.close();
  });

  it('shows what clients sent as text, never as markup', async () => {
    const { tenant, client } = await session();
    const column = '<img src=x id=injected-definition>';
    const hostile = {
      ...definition,
      attributesMapping: [
        { headerColumn: 'mail', attributeName: 'emailAddress' },
        { headerColumn: column, attributeName: 'firstName' },
      ],
    };
    const etlId = await finishedExecution(
      client,
      hostile,
      csv([
        ['mail', column],
        ['ann@example.com', 'Ann'],
        ['bob@example', 'B'],
      ]),
    );
    const path = `${BASE}/<img src=x id=injected-path>`;
    expect((await client.get(path, { 'x-note': '<img src=x id=injected-header>' })).status).toBe(404);
    // A refused upload: the journal keeps its definition text.
    const refused = await client.uploadEtl(ENTITY, '{"mode": "<img src=x id=injected-refused>"}', file);
    expect(refused.status).toBe(400);
    const page = await openDashboard(tenant);

    const row = page.locator('#journal-rows tr', { hasText: path });
    await row.waitFor(WAIT);
    expect(await row.locator('pre').textContent()).toContain('"x-note": "<img src=x id=injected-header>"');
    const refusedRow = page.locator('#journal-rows tr', { hasText: 'INVALID_DEFINITION' });
    await refusedRow.waitFor(WAIT);
    expect(await refusedRow.textContent()).toContain(
      'parts: definition (definition.json), inputFile (data.csv)',
    );
    expect(await refusedRow.locator('pre').textContent()).toContain('injected-refused');
    const definitionView = recordRow(page, 'v5.etlExecution', etlId).locator('details');
    await definitionView.locator('summary').click();
    expect(await definitionView.locator('pre').textContent()).toContain(`"headerColumn": "${column}"`);
    expect(
      await page
        .locator('#injected-path, #injected-definition, #injected-header, #injected-refused, img')
        .count(),
    ).toBe(0);

    // A reset made elsewhere restarts the journal's numbering: the page notices and starts over.
    await connectActitoMock(server.url, { tenant }).reset();
    await client.login();
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('#journal-rows tr')];
        return rows.length === 1 && rows[0]?.textContent?.includes('/auth/token');
      },
      undefined,
      WAIT,
    );
    await page.locator('[data-empty=records]').waitFor(WAIT);
    await page.close();
  });

  it('shows persistent ETLs with their executions and the webhook deliveries as they happen', async () => {
    const receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(request.url === '/broken' ? 500 : 200).end('received'));
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      const { tenant, client, control } = await session();
      await control.setProgression('v5.etlExecution', { type: 'immediate' });
      await control.updateWebhookSettings({ retryDelaysMs: [] });
      const page = await openDashboard(tenant);
      expect(await page.locator('#section-etls h2').textContent()).toBe('Persistent ETLs');
      expect(await page.locator('#section-webhooks h2').textContent()).toBe('Webhook deliveries');
      await page.locator('#section-etls [data-empty=etls]').waitFor(WAIT);
      await page.locator('#section-webhooks [data-empty=webhooks]').waitFor(WAIT);

      const json = { ...client.headers(), 'content-type': 'application/json' };
      const created = await fetch(`${server.url}/mass-imports/v5/entities/${ENTITY}/etls`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(twoTableEtl),
      });
      expect(created.status).toBe(201);
      const { id: etlId } = (await created.json()) as { id: string };
      for (const path of ['/ok', '/broken']) {
        const subscribed = await fetch(`${server.url}/webhooks/v4/entity/${ENTITY}/webhookSubscription`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ on: 'ETL', eventType: 'FINISHED', targetUrl: `${target}${path}` }),
        });
        expect(subscribed.status).toBe(201);
      }
      const triggered = await client.upload(
        `/mass-imports/v5/entities/${ENTITY}/etls/${etlId}/trigger-execution`,
        [{ name: 'inputFile', content: shopExport(), fileName: 'shop.zip', type: 'application/zip' }],
      );
      expect(triggered.status).toBe(201);
      const { id: executionId } = (await triggered.json()) as { id: string };
      expect(await control.settleWebhooks()).toMatchObject({ settled: true, delivered: 1, failed: 1 });

      // The page refreshes both sections on its own: no reload.
      const etlRow = page.locator(`#section-etls tr[data-etl="${ENTITY}:${etlId}"]`);
      await etlRow.waitFor(WAIT);
      expect(await etlRow.locator('strong').first().textContent()).toBe(`ETL ${etlId}`);
      const execution = etlRow.locator(`li[data-execution="${executionId}"]`);
      await execution.waitFor(WAIT);
      expect(await execution.getAttribute('data-trigger')).toBe('TRIGGER_EXECUTION');
      expect(await execution.textContent()).toContain('manual (trigger-execution)');
      const webhooks = page.locator('#section-webhooks');
      await webhooks.locator('tr[data-delivery][data-status=FAILED]').waitFor(WAIT);
      expect(await webhooks.locator('tr[data-subscription] code').allTextContents()).toEqual([
        `${target}/ok`,
        `${target}/broken`,
      ]);
      const delivered = webhooks.locator('tr[data-delivery][data-status=DELIVERED]');
      expect(await delivered.locator('[data-field=outcome]').textContent()).toBe('delivered');
      expect(await delivered.locator('[data-field=last]').textContent()).toBe('200');
      const failed = webhooks.locator('tr[data-delivery][data-status=FAILED]');
      expect(await failed.locator('[data-field=outcome]').getAttribute('class')).toBe('bad');
      expect(await failed.locator('[data-field=last]').textContent()).toContain('500');
      await page.close();
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('fails, naming how to install it, when Chromium is missing', async () => {
    await expect(launchChromium('/nowhere/chromium')).rejects.toThrow(
      'Chromium is not at /nowhere/chromium: install it with "apt-get update && apt-get install -y chromium"',
    );
  });
});
