import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EntitySeed } from '../contracts/control.js';
import type { CurlFile, RawRequest } from './helpers/php-curl.js';
import {
  curlGet,
  curlMultipartPost,
  fetchRequest,
  fputcsv,
  requestBytes,
  zipArchive,
} from './helpers/php-curl.js';
import type { RawResponse } from './helpers/raw-http.js';
import { sendRawHttp } from './helpers/raw-http.js';
import type { Harness } from './helpers/transports.js';
import { TRANSPORTS, useTransport } from './helpers/transports.js';

/**
 * Replays the requests of the public PHP client Nelo07o/myhappypet (auth.php, importUsers.php,
 * importPets.php, test.php), which ran V4 imports on a live Actito account with only the host
 * changed. Against the server the bytes go on the socket as PHP's curl writes them; under MSW the
 * same method, path, header values and body bytes go through the intercepted fetch. Every run of
 * the client reads the result of its previous import and never its status.
 */
const ENTITY = 'vetoquinol';
const UTF8_BOM = '\uFEFF';

/** The account behind the client, reconstructed from the columns it imports (no structure is published). */
const account: EntitySeed = {
  profileTables: [
    {
      id: '1',
      name: 'test',
      attributes: [
        { type: 'LASTNAME', name: 'lastName' },
        { type: 'FIRSTNAME', name: 'firstName' },
        { type: 'EMAIL_ADDRESS', name: 'emailAddress', unique: true, mandatory: true },
        { type: 'MOTHER_LANGUAGE', name: 'motherLanguage' },
        { type: 'ADDRESS_COUNTRY', name: 'addressCountry' },
        { type: 'CUSTOM', name: 'uploadedPaperCard', valueType: 'BOOLEAN' },
        { type: 'CUSTOM', name: 'referralCode', valueType: 'STRING' },
      ],
      subscriptions: [{ name: 'Newsletter' }],
    },
  ],
  customTables: [
    {
      id: '8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f',
      name: 'TESTpets',
      primaryKeyAttribute: 'petAppId',
      attributes: [
        { name: 'petAppId', valueType: 'STRING', mandatory: true, unique: true },
        { name: 'petName', valueType: 'STRING' },
        { name: 'petType', valueType: 'STRING' },
        { name: 'petBirthDate', valueType: 'DATE' },
        { name: 'petBreed', valueType: 'STRING' },
        { name: 'petGender', valueType: 'STRING' },
        { name: 'petNeutered', valueType: 'BOOLEAN' },
        { name: 'emailAddress', valueType: 'EMAIL_ADDRESS' },
      ],
    },
  ],
};

/** The client's parameter files: each header column mapped to the attribute of the same name. */
const parametersFile = (columns: string[]) =>
  new TextEncoder().encode(
    `${JSON.stringify(
      {
        mode: 'CREATE_UPDATE',
        encoding: 'UTF-8',
        format: { separator: ';', endOfLine: '\n' },
        generateResultFile: true,
        attributesMapping: columns.map((column) => ({ headerColumn: column, attributeName: column })),
      },
      null,
      2,
    )}\n`,
  );

const USER_COLUMNS = [
  'lastName',
  'firstName',
  'emailAddress',
  'motherLanguage',
  'addressCountry',
  'uploadedPaperCard',
  'referralCode',
  'subscriptions#Newsletter',
];
const PET_COLUMNS = [
  'petAppId',
  'petName',
  'petType',
  'petBirthDate',
  'petBreed',
  'petGender',
  'petNeutered',
  'emailAddress',
];

/** One import script of the client: where it uploads, and the files it writes and sends. */
interface ImportScript {
  path: string;
  zipName: string;
  csvName: string;
  parametersName: string;
  columns: string[];
  rows: string[][];
}

const IMPORT_USERS: ImportScript = {
  path: `/v4/entity/${ENTITY}/table/test/import`,
  zipName: 'users.zip',
  csvName: 'users.csv',
  parametersName: 'parametersUsers.json',
  columns: USER_COLUMNS,
  rows: [
    ['Dupont', 'Marie', 'marie.dupont@example.com', 'FR', 'BE', '1', 'MHP-0001', '1'],
    ['Van den Berg', 'Jan', 'jan.vandenberg@example.com', 'NL', 'BE', '0', 'MHP-0002', '0'],
  ],
};

/** Birth dates as the client writes them, date("d/m/Y"): V4 has no transformation to fix them. */
const IMPORT_PETS: ImportScript = {
  path: `/v4/entity/${ENTITY}/customTable/TESTpets/import`,
  zipName: 'pets.zip',
  csvName: 'pets.csv',
  parametersName: 'parametersPets.json',
  columns: PET_COLUMNS,
  rows: [
    ['17', 'Rex', 'dog', '14/03/2019', 'Labrador', 'M', '1', 'marie.dupont@example.com'],
    ['18', 'Mia', 'cat', '02/11/2020', 'Maine Coon', 'F', '0', 'jan.vandenberg@example.com'],
  ],
};

/**
 * POST .../import as importCSV() sends it: the CSV written with a UTF-8 BOM and fputcsv(";"),
 * zipped; then inputFile (the zip) first and parameters second, both CURLFile parts.
 */
function importRequest(token: string, script: ImportScript): RawRequest {
  const csvText = UTF8_BOM + [script.columns, ...script.rows].map((row) => fputcsv(row)).join('');
  const files: CurlFile[] = [
    {
      name: 'inputFile',
      fileName: script.zipName,
      type: 'application/zip',
      content: zipArchive(script.csvName, new TextEncoder().encode(csvText)),
    },
    {
      name: 'parameters',
      fileName: script.parametersName,
      type: 'application/json',
      content: parametersFile(script.columns),
    },
  ];
  const headers = [`Authorization: Bearer ${token}`, 'Content-Type: multipart/form-data'];
  return curlMultipartPost(script.path, headers, files);
}

/** Sends a replayed request through the transport: raw bytes to the server, a Fetch request under MSW. */
function replayer(harness: Harness) {
  return async (request: RawRequest): Promise<RawResponse> => {
    const server = harness.server();
    if (server) return sendRawHttp(server.url, requestBytes(request, new URL(server.url).host));
    const response = await fetch(fetchRequest(request, 'https://api3.actito.com'));
    return {
      status: response.status,
      headers: new Map([...response.headers]),
      body: new Uint8Array(await response.arrayBuffer()),
    };
  };
}

const json = (response: RawResponse) => JSON.parse(new TextDecoder().decode(response.body));

describe.each(TRANSPORTS)('replay of the PHP client Nelo07o/myhappypet (%s)', (transport) => {
  const harness = useTransport(transport);

  it('authenticates, imports users with subscriptions#Newsletter and pets, and reads each result on its next run', async () => {
    // The client sends no X-Mock-Tenant: this file's mock serves it from the default tenant.
    const control = (await harness.session({ login: false })).control.forTenant('default');
    await control.seedEntity(ENTITY, account);
    const send = replayer(harness);

    // auth.php: the raw API key as the whole Authorization header, without a space.
    const getToken = async () => {
      const answer = await send(curlGet('/auth/token', ['Authorization:mock-api-key']));
      expect(answer.status).toBe(200);
      const body = json(answer);
      expect(body).toMatchObject({ tokenType: 'bearer', expiresIn: '900s', accessToken: expect.any(String) });
      return body.accessToken as string;
    };
    const readResult = async (token: string, id: number) =>
      send(curlGet(`/v4/entity/${ENTITY}/import/${id}/result`, [`Authorization: Bearer ${token}`]));

    // importUsers.php, first run: no infosJSONUsers.json yet, so no result to read; then the upload.
    let token = await getToken();
    const users = await send(importRequest(token, IMPORT_USERS));
    expect({ status: users.status, body: json(users) }).toEqual({ status: 201, body: { id: 1000123 } });
    // importPets.php, the same run: the custom table upload.
    const pets = await send(importRequest(token, IMPORT_PETS));
    expect({ status: pets.status, body: json(pets) }).toEqual({ status: 201, body: { id: 1000124 } });

    // The next scheduled run, minutes later: a fresh token, then checkImportSuccess() reads /result.
    await control.advance({ ms: 5 * 60_000 });
    token = await getToken();
    const usersResult = await readResult(token, 1000123);
    // withErrors false: the client records the import as a success.
    expect({ status: usersResult.status, body: json(usersResult) }).toEqual({
      status: 200,
      body: {
        withErrors: false,
        rowsInError: 0,
        totalRows: 2,
        createdRows: 2,
        updatedRows: 0,
        skippedRows: 0,
      },
    });
    const profiles = (await control.rows(ENTITY, 'test')).rows;
    expect(profiles).toEqual([
      expect.objectContaining({
        lastName: 'Dupont',
        emailAddress: 'marie.dupont@example.com',
        uploadedPaperCard: true,
        'subscriptions#Newsletter': true,
      }),
      expect.objectContaining({
        lastName: 'Van den Berg',
        motherLanguage: 'NL',
        addressCountry: 'BE',
        uploadedPaperCard: false,
        'subscriptions#Newsletter': false,
      }),
    ]);

    // The pets' d/m/Y birth dates are not Actito dates: rowsInError, so this client never records
    // a pets import as a success (consistent with the infosJSONPets.json it committed).
    const petsResult = await readResult(token, 1000124);
    expect(json(petsResult)).toEqual({
      withErrors: true,
      rowsInError: 2,
      totalRows: 2,
      createdRows: 0,
      updatedRows: 0,
      skippedRows: 0,
    });
    const errors = await send(
      curlGet(`/v4/entity/${ENTITY}/import/1000124/errors`, [`Authorization: Bearer ${token}`]),
    );
    expect(new TextDecoder().decode(errors.body).split('\n')[1]).toBe(
      '2;petBirthDate;14/03/2019;INVALID_DATE;"""14/03/2019"" is not a valid date; expected yyyy-MM-dd"',
    );

    // test.php: the result file, saved as result_file.zip.
    const resultFile = await send(
      curlGet(`/v4/entity/${ENTITY}/import/1000123/result-file`, [`Authorization: Bearer ${token}`]),
    );
    expect([resultFile.status, resultFile.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const saved = unzipSync(resultFile.body);
    expect(Object.keys(saved)).toEqual(['result.csv']);
    expect(new TextDecoder().decode(saved['result.csv'])).toBe(
      `${USER_COLUMNS.join(';')};status;errorMessage\n` +
        'Dupont;Marie;marie.dupont@example.com;FR;BE;1;MHP-0001;1;CREATED;\n' +
        'Van den Berg;Jan;jan.vandenberg@example.com;NL;BE;0;MHP-0002;0;CREATED;\n',
    );

    // The mock saw the client's calls, in order, and not one status read.
    const journal = await control.journal();
    expect(journal.entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'GET /auth/token 200',
      `POST /v4/entity/${ENTITY}/table/test/import 201`,
      `POST /v4/entity/${ENTITY}/customTable/TESTpets/import 201`,
      'GET /auth/token 200',
      `GET /v4/entity/${ENTITY}/import/1000123/result 200`,
      `GET /v4/entity/${ENTITY}/import/1000124/result 200`,
      `GET /v4/entity/${ENTITY}/import/1000124/errors 200`,
      `GET /v4/entity/${ENTITY}/import/1000123/result-file 200`,
    ]);
  });
});
