/**
 * The code under test: a small client of Actito's V5 one-shot ETL executions. It uploads a CSV of
 * profiles, polls until the execution is final and returns its counts. Nothing in it knows about
 * the mock: it talks to https://api.actito.com like production code does.
 */
export interface ImportOptions {
  apiKey: string;
  entity: string;
  baseUrl?: string;
  /** Time between status polls; tests set 0. */
  pollIntervalMs?: number;
}

export interface ImportOutcome {
  status: string;
  created: number;
  updated: number;
  inError: number;
}

const FINAL = new Set(['SUCCESS', 'WITH_ERROR', 'ERROR']);

export async function importProfiles(csv: string, options: ImportOptions): Promise<ImportOutcome> {
  const base = options.baseUrl ?? 'https://api.actito.com';
  const token = await accessToken(base, options.apiKey);
  const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const executions = `${base}/mass-imports/v5/entities/${options.entity}/etl-executions`;

  const form = new FormData();
  const definition = {
    table: { type: 'PROFILE_TABLE', name: 'Profiles' },
    mode: 'CREATE_UPDATE',
    format: { separator: ',', encoding: 'UTF-8' },
    attributesMapping: [
      { headerColumn: 'email', attributeName: 'emailAddress' },
      { headerColumn: 'name', attributeName: 'firstName' },
    ],
  };
  form.append(
    'definition',
    new Blob([JSON.stringify(definition)], { type: 'application/json' }),
    'definition.json',
  );
  form.append('inputFile', new Blob([csv], { type: 'text/csv' }), 'profiles.csv');
  const created = await fetch(executions, { method: 'POST', headers: auth, body: form });
  if (created.status !== 201) throw new Error(`upload refused: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };

  let status = '';
  while (!FINAL.has(status)) {
    if (status) await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 5000));
    const execution = await fetch(`${executions}/${id}`, { headers: auth });
    status = ((await execution.json()) as { status: string }).status;
  }
  if (status === 'ERROR') return { status, created: 0, updated: 0, inError: 0 };
  const results = await fetch(`${executions}/${id}/integration-results`, { headers: auth });
  const [counts] = (
    (await results.json()) as { results: { createdRows: number; updatedRows: number; rowsInError: number }[] }
  ).results;
  return {
    status,
    created: counts?.createdRows ?? 0,
    updated: counts?.updatedRows ?? 0,
    inError: counts?.rowsInError ?? 0,
  };
}

async function accessToken(base: string, apiKey: string): Promise<string> {
  const response = await fetch(`${base}/auth/token`, {
    headers: { authorization: apiKey, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
