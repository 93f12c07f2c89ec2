import { describe, expect, it } from 'vitest';
import type { EntitySeed } from '../contracts/control.js';
import type { ActitoTestClient } from './helpers/actito-client.js';
import { zipEntries } from './helpers/actito-client.js';
import { csv } from './helpers/files.js';
import { refused } from './helpers/refusal.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';
import { createV4, csvText, importPath, pollV4ToEnd, uploadV4 } from './helpers/v4-client.js';

/**
 * Profile tables carry subscriptions and segmentations (contract section 4): an import maps a
 * column to `subscriptions#<name>` (confirmed by a public client on a live account) or
 * `segmentations#<name>` (modelled), values are checked like any other, and they are stored with
 * the profile.
 */
const V5 = '/mass-imports/v5/entities/demo/etl-executions';

const v4Parameters = (mode: string, columns: Record<string, string>) => ({
  mode,
  encoding: 'UTF-8',
  format: { separator: ';', endOfLine: '\n' },
  generateResultFile: true,
  attributesMapping: Object.entries(columns).map(([headerColumn, attributeName]) => ({
    headerColumn,
    attributeName,
  })),
});
const newsletter = v4Parameters('CREATE_UPDATE', { mail: 'emailAddress', news: 'subscriptions#Newsletter' });

async function importV4(client: ActitoTestClient, parameters: unknown, data: string): Promise<number> {
  const id = await createV4(client, { parameters, data });
  expect(await pollV4ToEnd(client, id)).toBe('FINISHED');
  return id;
}

/** A V4 import of `mail;news` rows into Profiles, news mapped to subscriptions#Newsletter. */
const importNewsletter = (client: ActitoTestClient, rows: [mail: string, news: string][]) =>
  importV4(client, newsletter, csv([['mail', 'news'], ...rows]));

const subscriptionsOf = (rows: Record<string, unknown>[]) =>
  rows.map((row) => [row.emailAddress, row['subscriptions#Newsletter'], row['subscriptions#Promotions']]);

const tiersSeed: EntitySeed = {
  profileTables: [
    {
      id: '9',
      name: 'Members',
      attributes: [{ type: 'EMAIL_ADDRESS', name: 'email', unique: true, mandatory: true }],
      subscriptions: [{ name: 'Offers' }],
      segmentations: [
        { name: 'Tier', type: 'EXCLUSIVE', categories: ['Gold', 'Silver'] },
        { name: 'Pets', type: 'SIMPLE', categories: ['Dogs', 'Cats'] },
      ],
    },
  ],
  rows: {
    Members: [{ email: 'ann@example.com', 'subscriptions#Offers': true, 'segmentations#Tier': 'Gold' }],
  },
};

describe.each(TRANSPORTS)('subscriptions and segmentations (%s)', (transport) => {
  const harness = useTransport(transport);

  it('shows them in the profile table structure', async () => {
    const { client } = await harness.session();
    expect(await client.getJson('/profile-table-structure/v5/entities/demo/profile-tables/1')).toMatchObject({
      subscriptions: [{ name: 'Newsletter' }, { name: 'Promotions' }],
      segmentations: [{ name: 'Interests', type: 'SIMPLE', categories: ['Dogs', 'Cats', 'Birds'] }],
    });
  });

  it('imports subscriptions#Newsletter with 1/0 without errors and stores it with the profile', async () => {
    const { client, control } = await harness.session();
    const id = await importNewsletter(client, [
      ['ann@example.com', '1'],
      ['bob@example.com', '0'],
    ]);
    expect(await client.getJson(importPath(id, 'result'))).toMatchObject({
      withErrors: false,
      rowsInError: 0,
    });
    expect(subscriptionsOf((await control.rows('demo', 'Profiles')).rows)).toEqual([
      ['ann@example.com', true, null],
      ['bob@example.com', false, null],
    ]);

    // An empty value leaves the subscription unchanged; another value changes it.
    await importNewsletter(client, [
      ['ann@example.com', ''],
      ['bob@example.com', 'Y'],
    ]);
    expect(subscriptionsOf((await control.rows('demo', 'Profiles')).rows)).toEqual([
      ['ann@example.com', true, null],
      ['bob@example.com', true, null],
    ]);
  });

  it('puts a bad subscription value in the error file like any other row error', async () => {
    const { client, control } = await harness.session();
    const id = await importNewsletter(client, [
      ['ann@example.com', 'maybe'],
      ['bob@example.com', 'TRUE'],
    ]);
    expect(await client.getJson(importPath(id, 'result'))).toMatchObject({
      withErrors: true,
      rowsInError: 1,
      createdRows: 1,
    });
    expect(await csvText(await client.get(importPath(id, 'errors')))).toBe(
      csv([
        ['lineNumber', 'column', 'value', 'errorCode', 'errorMessage'],
        [
          '2',
          'news',
          'maybe',
          'INVALID_BOOLEAN',
          '"""maybe"" is not a valid subscription value; expected TRUE, FALSE, 1, 0, Y or N (an empty value leaves the subscription unchanged)"',
        ],
      ]),
    );
    expect(subscriptionsOf((await control.rows('demo', 'Profiles')).rows)).toEqual([
      ['bob@example.com', true, null],
    ]);
  });

  it('refuses an unknown subscription or segmentation with a 400 naming the ones the table has', async () => {
    const { client } = await harness.session();
    const v4 = await uploadV4(client, {
      parameters: v4Parameters('CREATE_UPDATE', { mail: 'emailAddress', news: 'subscriptions#Newsletters' }),
      data: 'mail;news\nann@example.com;1\n',
    });
    expect({ status: v4.status, body: await v4.json() }).toMatchObject({
      status: 400,
      body: {
        code: 'INVALID_DEFINITION',
        errors: [
          {
            path: 'parameters.attributesMapping[1].attributeName',
            message:
              'table Profiles has no subscription "Newsletters"; its subscriptions are Newsletter, Promotions',
          },
        ],
      },
    });
    const v5 = await client.uploadEtl(
      'demo',
      {
        table: { type: 'PROFILE_TABLE', name: 'Profiles' },
        mode: 'CREATE_UPDATE',
        format: { separator: ';' },
        attributesMapping: [
          { headerColumn: 'mail', attributeName: 'emailAddress' },
          { headerColumn: 'pets', attributeName: 'segmentations#Pets' },
        ],
      },
      'mail;pets\nann@example.com;Dogs\n',
    );
    expect({ status: v5.status, body: await v5.json() }).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            path: 'definition.attributesMapping[1].attributeName',
            message: 'table Profiles has no segmentation "Pets"; its segmentations are Interests',
          },
        ],
      },
    });
    const custom = await uploadV4(client, {
      kind: 'customTable',
      table: 'Orders',
      parameters: v4Parameters('CREATE_UPDATE', { id: 'orderId', news: 'subscriptions#Newsletter' }),
      data: 'id;news\nO1;1\n',
    });
    expect(((await custom.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'custom table Orders has no subscriptions: only profile tables have them',
    );
  });

  it('adds a category to a SIMPLE segmentation through V5, and refuses a category it does not have', async () => {
    const { client, control } = await harness.session();
    const definition = {
      table: { type: 'PROFILE_TABLE', name: 'Profiles' },
      mode: 'CREATE_UPDATE',
      format: { separator: ';' },
      attributesMapping: [
        { headerColumn: 'mail', attributeName: 'emailAddress' },
        { headerColumn: 'likes', attributeName: 'segmentations#Interests' },
      ],
      outputFiles: { generateResultFile: false, generateErrorFile: true },
    };
    const run = async (data: string) => {
      const { id } = (await (await client.uploadEtl('demo', definition, data)).json()) as { id: string };
      for (let poll = 0; poll < 3; poll += 1) await client.getJson(`${V5}/${id}`);
      return id;
    };
    await run('mail;likes\nann@example.com;Cats\nbob@example.com;Birds\n');
    const second = await run('mail;likes\nann@example.com;Dogs\nbob@example.com;Fish\nbob@example.com;\n');
    const rows = (await control.rows('demo', 'Profiles')).rows;
    expect(rows.map((row) => [row.emailAddress, row['segmentations#Interests']])).toEqual([
      ['ann@example.com', ['Dogs', 'Cats']],
      ['bob@example.com', ['Birds']],
    ]);
    const files = await zipEntries(await client.get(`${V5}/${second}/output-files`));
    expect(files['errors.csv']).toBe(
      csv([
        ['lineNumber', 'column', 'value', 'errorCode', 'errorMessage'],
        [
          '3',
          'likes',
          'Fish',
          'VALUE_NOT_ACCEPTED',
          '"""Fish"" is not accepted; expected one of ""Dogs"", ""Cats"", ""Birds"""',
        ],
      ]),
    );
  });

  it('seeds them, replaces an EXCLUSIVE category, and treats them like attributes in CREATE_ONLY and UPDATE_ONLY', async () => {
    const { client, control } = await harness.session();
    await control.seedEntity('shop', tiersSeed);
    await control.addRows('shop', 'Members', [
      { email: 'bob@example.com', 'segmentations#Pets': ['Cats', 'Dogs'], 'subscriptions#Offers': 'N' },
    ]);
    const params = (mode: string) =>
      v4Parameters(mode, {
        mail: 'email',
        offers: 'subscriptions#Offers',
        tier: 'segmentations#Tier',
        pets: 'segmentations#Pets',
      });
    const data = csv([
      ['mail', 'offers', 'tier', 'pets'],
      ['ann@example.com', '0', 'Silver', 'Cats'],
      ['carl@example.com', '1', 'Gold', 'Dogs'],
    ]);
    const members = async () =>
      (await control.rows('shop', 'Members')).rows.map((row) => [
        row.email,
        row['subscriptions#Offers'],
        row['segmentations#Tier'],
        row['segmentations#Pets'],
      ]);
    const into = (mode: string) =>
      createV4(client, { entity: 'shop', table: 'Members', parameters: params(mode), data }).then(
        async (id) => {
          expect(await pollV4ToEnd(client, id, 'shop')).toBe('FINISHED');
          return client.getJson(importPath(id, 'result', 'shop'));
        },
      );

    expect(await into('UPDATE_ONLY')).toMatchObject({ updatedRows: 1, skippedRows: 1 });
    expect(await members()).toEqual([
      ['ann@example.com', false, 'Silver', ['Cats']],
      ['bob@example.com', false, null, ['Dogs', 'Cats']],
    ]);
    expect(await into('CREATE_ONLY')).toMatchObject({ createdRows: 1, skippedRows: 1 });
    expect(await members()).toEqual([
      ['ann@example.com', false, 'Silver', ['Cats']],
      ['bob@example.com', false, null, ['Dogs', 'Cats']],
      ['carl@example.com', true, 'Gold', ['Dogs']],
    ]);
  });

  it('refuses seeded rows and added rows whose subscriptions or categories are wrong, naming them', async () => {
    const { control } = await harness.session();
    const rows = await refused(
      control.addRows('demo', 'Profiles', [
        { emailAddress: 'ann@example.com', 'subscriptions#Newsletter': 'maybe' },
        { emailAddress: 'bob@example.com', 'segmentations#Interests': ['Dogs', 'Fish'] },
        { emailAddress: 'carl@example.com', 'subscriptions#Nope': true },
      ]),
    );
    expect(rows.errors?.map((e) => e.path)).toEqual([
      'body.rows[0].subscriptions#Newsletter',
      'body.rows[1].segmentations#Interests',
      'body.rows[2].subscriptions#Nope',
    ]);
    const badSeed = await refused(
      control.seedEntity('shop', {
        ...tiersSeed,
        profileTables: [
          {
            ...(tiersSeed.profileTables?.[0] as NonNullable<EntitySeed['profileTables']>[number]),
            subscriptions: [{ name: 'Offers' }, { name: 'Offers' }],
          },
        ],
      }),
    );
    expect(badSeed).toMatchObject({ status: 400, code: 'INVALID_CONTROL_REQUEST' });
    expect(JSON.stringify(badSeed.errors)).toContain('a second subscription is named Offers');
  });
});
