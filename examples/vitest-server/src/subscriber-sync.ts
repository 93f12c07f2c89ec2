/**
 * The code under test: pushes newsletter sign-ups to Actito as a V5 one-shot ETL execution in
 * CREATE_ONLY mode, so addresses already known are skipped, and says what became of them.
 */
export interface SyncTarget {
  baseUrl: string;
  apiKey: string;
  entity: string;
  /** The profile table; Profiles by default. */
  table?: string;
}

export type SyncReport =
  | { ok: true; created: number; skipped: number; rejected: number }
  | { ok: false; status: number; code: string; message: string };

export async function syncSubscribers(emails: string[], target: SyncTarget): Promise<SyncReport> {
  const login = await fetch(`${target.baseUrl}/auth/token`, { headers: { authorization: target.apiKey } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };

  const body = new FormData();
  const definition = {
    table: { type: 'PROFILE_TABLE', name: target.table ?? 'Profiles' },
    mode: 'CREATE_ONLY',
    format: { separator: ';' },
    attributesMapping: [{ headerColumn: 'email', attributeName: 'emailAddress' }],
  };
  body.append(
    'definition',
    new Blob([JSON.stringify(definition)], { type: 'application/json' }),
    'definition.json',
  );
  body.append('inputFile', new Blob([['email', ...emails].join('\n')], { type: 'text/csv' }), 'signups.csv');
  const upload = await fetch(`${target.baseUrl}/mass-imports/v5/entities/${target.entity}/etl-executions`, {
    method: 'POST',
    headers,
    body,
  });
  if (!upload.ok) {
    const error = (await upload.json()) as { code: string; message: string };
    return { ok: false, status: upload.status, code: error.code, message: error.message };
  }
  // The Location header names the new execution; poll it until it is final.
  const execution = upload.headers.get('location') as string;
  for (;;) {
    const { status } = (await (await fetch(execution, { headers })).json()) as { status: string };
    if (status === 'ERROR')
      return { ok: false, status: 200, code: 'ERROR', message: 'the file was not imported' };
    if (status === 'SUCCESS' || status === 'WITH_ERROR') break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const { results } = (await (await fetch(`${execution}/integration-results`, { headers })).json()) as {
    results: { createdRows: number; skippedRows: number; rowsInError: number }[];
  };
  const counts = results[0] ?? { createdRows: 0, skippedRows: 0, rowsInError: 0 };
  return { ok: true, created: counts.createdRows, skipped: counts.skippedRows, rejected: counts.rowsInError };
}
