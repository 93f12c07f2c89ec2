/**
 * Generated bad input for one operation of the OpenAPI document: wrong types, huge and deep
 * values, missing and extra fields, in its path, query and body. Each probe says whether the
 * input is surely invalid (the answer must then be a 4xx) or merely odd (it may be accepted).
 */
export interface Probe {
  name: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** The input breaks the contract: the answer must be a 4xx, not only short of a 5xx. */
  invalid: boolean;
}

export type Json = { [key: string]: unknown };

export interface OperationView {
  method: string;
  path: string;
  operation: Json;
  /** Resolves a `$ref` of the document. */
  resolve: (value: unknown) => Json;
}

const HUGE = 'x'.repeat(100_000);
const deep = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Values a path parameter should never break on. */
const PATH_VALUES = [
  'x'.repeat(4000),
  '%00',
  '%E0%A4%A',
  '..',
  '%2E%2E%2F%2E%2E',
  '-1',
  '1e309',
  '9'.repeat(40),
  '%F0%9F%92%A5',
  '%20',
];

/** Values a query parameter should never break on. */
const QUERY_VALUES = [
  HUGE.slice(0, 4000),
  '',
  '-1',
  '1e400',
  'NaN',
  '[object Object]',
  '\u0000',
  '**/**/**/**/**/**/**/**/**/**',
];

/** Values of the wrong JSON type for a schema that wants `type`. */
function wrongTypes(schema: Json): unknown[] {
  const type = schema.type;
  const all: unknown[] = ['text', 12345, -1.5, true, null, [], {}, HUGE, deep(100), { nested: deep(60) }];
  if (type === 'string') return all.filter((v) => typeof v !== 'string');
  if (type === 'number' || type === 'integer') return all.filter((v) => typeof v !== 'number');
  if (type === 'boolean') return all.filter((v) => typeof v !== 'boolean');
  if (type === 'array') return all.filter((v) => !Array.isArray(v));
  if (type === 'object') return all.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v));
  return all;
}

export function probesFor(
  view: OperationView,
  valid: Record<string, string>,
  auth: Record<string, string>,
): Probe[] {
  const params = ((view.operation.parameters ?? []) as unknown[]).map(view.resolve);
  const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name as string);
  const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name as string);
  const fill = (overrides: Record<string, string> = {}) =>
    view.path.replace(/\{([^}]+)\}/g, (_, name: string) => overrides[name] ?? valid[name] ?? '1');
  const probe = (name: string, parts: Partial<Probe>): Probe => ({
    name,
    path: fill(),
    query: {},
    headers: { ...auth },
    body: null,
    invalid: false,
    ...parts,
  });
  const probes: Probe[] = [];
  for (const name of pathParams) {
    for (const value of PATH_VALUES)
      probes.push(probe(`path ${name}=${value.slice(0, 20)}`, { path: fill({ [name]: value }) }));
  }
  for (const name of [...queryParams, '__extra']) {
    for (const value of QUERY_VALUES)
      probes.push(probe(`query ${name}=${JSON.stringify(value.slice(0, 20))}`, { query: { [name]: value } }));
  }
  if (Object.keys(auth).length > 0) probes.push(probe('no Authorization', { headers: {}, invalid: true }));
  probes.push(probe('a bad X-Mock-Tenant', { headers: { ...auth, 'x-mock-tenant': 'a/b' }, invalid: true }));
  const content = (view.operation.requestBody as Json | undefined)?.content as Json | undefined;
  if (content?.['application/json'])
    probes.push(...jsonBodyProbes(view, content['application/json'] as Json, probe));
  if (content?.['multipart/form-data']) probes.push(...multipartProbes(view, probe));
  return probes;
}

function jsonBodyProbes(
  view: OperationView,
  media: Json,
  probe: (name: string, parts: Partial<Probe>) => Probe,
): Probe[] {
  const schema = view.resolve(media.schema);
  const json = (name: string, value: unknown, invalid: boolean) =>
    probe(`body ${name}`, {
      headers: { ...probe('', {}).headers, 'content-type': 'application/json' },
      body: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)),
      invalid,
    });
  const probes = [
    json('not JSON', '{"oops', true),
    json('a JSON string', '"text"', true),
    json('a JSON number', '42', true),
    json('null', 'null', true),
    json('an array', '[1, 2]', true),
    json('deeply nested', `{"deep": ${'['.repeat(5000)}${']'.repeat(5000)}}`, true),
    json('extra fields only', { __extra: HUGE, nested: { deeper: [1, { a: null }] } }, false),
  ];
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  for (const [key, property] of Object.entries(properties)) {
    const resolved = view.resolve(property);
    // Huge and extreme values of the right type: they may be accepted, never break anything.
    const extremes =
      resolved.type === 'number' || resolved.type === 'integer'
        ? [Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5]
        : resolved.type === 'string'
          ? [HUGE, '', '\u0000', '../../etc/passwd']
          : [];
    for (const value of extremes)
      probes.push(json(`${key}=${String(value).slice(0, 20)}`, { [key]: value }, false));
    for (const value of wrongTypes(resolved)) {
      // A property whose schema is a union (anyOf/oneOf) or has no type may accept the value.
      const typed = typeof resolved.type === 'string';
      probes.push(json(`${key}=${JSON.stringify(value)?.slice(0, 20)}`, { [key]: value }, typed));
    }
  }
  return probes;
}

function multipartProbes(
  view: OperationView,
  probe: (name: string, parts: Partial<Probe>) => Probe,
): Probe[] {
  const boundary = 'walk-boundary';
  const encoder = new TextEncoder();
  const part = (name: string, content: string, file = true) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${name}"` : ''}\r\n\r\n${content}\r\n`;
  const schema = view.resolve(((view.operation.requestBody as Json).content as Json)['multipart/form-data']);
  const names = Object.keys((view.resolve(schema.schema).properties ?? {}) as Json);
  // A value probe fills every JSON part (a definition) wrongly; an upload of files alone (a dropped
  // file) may hold any bytes, so a value there is not surely invalid.
  const encoding = (schema.encoding ?? {}) as Record<string, { contentType?: string }>;
  const hasJsonPart = Object.values(encoding).some((part) => part.contentType?.includes('application/json'));
  const multipart = (
    name: string,
    body: string,
    type = `multipart/form-data; boundary=${boundary}`,
    invalid = true,
  ) =>
    probe(`multipart ${name}`, {
      headers: { ...probe('', {}).headers, 'content-type': type },
      body: encoder.encode(body),
      invalid,
    });
  const probes = [
    multipart('garbage', 'garbage'.repeat(100)),
    multipart('empty', ''),
    multipart('no boundary parameter', part('x', 'y'), 'multipart/form-data'),
    multipart('not multipart', '{}', 'application/json'),
    multipart('no parts', `--${boundary}--\r\n`),
    multipart('cut short', part(names[0] ?? 'x', '{"mode":').slice(0, -4)),
  ];
  for (const name of names) {
    for (const value of ['[]', 'null', '"text"', `{"deep": ${'['.repeat(2000)}${']'.repeat(2000)}}`, HUGE]) {
      const others = names
        .filter((other) => other !== name)
        .map((other) => part(other, 'a;b\n1;2\n'))
        .join('');
      probes.push(
        multipart(
          `${name}=${value.slice(0, 20)}`,
          `${part(name, value)}${others}--${boundary}--\r\n`,
          undefined,
          hasJsonPart,
        ),
      );
    }
  }
  return probes;
}
