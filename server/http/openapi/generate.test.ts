import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createActitoMock } from '../../mock.js';
import { generateOpenApiDocument } from './generate.js';

const VALIDATOR = '@seriousme/openapi-schema-validator';

type Json = { [key: string]: unknown };
type OperationObject = Json & { operationId: string; responses: Record<string, Json> };

function operationsOf(document: Json): [string, string, OperationObject][] {
  return Object.entries(document.paths as Record<string, Record<string, OperationObject>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, string, OperationObject] => [
        method,
        path,
        operation,
      ]),
  );
}

function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsOf(item, found);
    }
  }
  return found;
}

function resolve(document: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

/** `GET /v5/entities/{entity}` for every route the Hono app registered (middleware excluded). */
function servedRoutes(): string[] {
  const { app } = createActitoMock();
  const routes = app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

describe('the generated OpenAPI document', () => {
  const document = generateOpenApiDocument() as unknown as Json;

  it(`is a valid OpenAPI 3.1 document (${VALIDATOR})`, async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('resolves every $ref inside the document', () => {
    const dangling = refsOf(document).filter((ref) => resolve(document, ref) === undefined);
    expect(dangling).toEqual([]);
    expect(Object.keys(document.components as Json)).toEqual(
      expect.arrayContaining(['schemas', 'responses', 'parameters', 'securitySchemes']),
    );
  });

  it('lists exactly the routes the app serves, with the same methods', () => {
    const documented = operationsOf(document).map(([method, path]) => `${method.toUpperCase()} ${path}`);
    const served = servedRoutes();
    // A route missing here is described by an Operation in contracts/operations/ (see its index.ts).
    expect({
      servedButNotDocumented: served.filter((route) => !documented.includes(route)),
      documentedButNotServed: documented.filter((route) => !served.includes(route)),
    }).toEqual({ servedButNotDocumented: [], documentedButNotServed: [] });
  });

  it('marks every operation confirmed, observed or modelled, with a unique id and its security', () => {
    const operations = operationsOf(document);
    const ids = operations.map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [method, path, operation] of operations) {
      expect({ method, path, fidelity: operation['x-actito-fidelity'] }).toEqual({
        method,
        path,
        fidelity: expect.stringMatching(/^(confirmed|observed|modelled)$/),
      });
      expect(operation.security).toEqual(expect.any(Array));
    }
  });

  it('answers errors with the error envelope', () => {
    for (const [, , operation] of operationsOf(document)) {
      expect(operation.responses.default).toEqual({ $ref: '#/components/responses/Error' });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        expect(response.content).toEqual({
          'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } },
        });
      }
    }
  });

  it('documents the V5 upload as multipart, the definition part as JSON, both prefixes alike', () => {
    const upload = (path: string) => (document.paths as Json)[path] as Record<string, OperationObject>;
    const current = upload('/mass-imports/v5/entities/{entity}/etl-executions').post as OperationObject;
    const older = upload('/v5/entities/{entity}/etl-executions').post as OperationObject;
    expect(current.operationId).toBe('createEtlExecution');
    expect(older.operationId).toBe('createEtlExecutionAlias1');
    expect(current.security).toEqual([{ bearerToken: [] }]);
    expect(current.requestBody).toMatchObject({
      content: {
        'multipart/form-data': {
          schema: { $ref: '#/components/schemas/EtlExecutionUpload' },
          encoding: { definition: { contentType: 'application/json' } },
        },
      },
    });
    expect(older.requestBody).toEqual(current.requestBody);
    const download = upload('/mass-imports/v5/entities/{entity}/etl-executions/{id}/output-files')
      .get as OperationObject;
    expect(Object.keys(download.responses['200']?.content as Json)).toEqual(['application/zip']);
  });

  it('lists the query parameters of every operation that has some, named schemas included', () => {
    const journal = ((document.paths as Json)['/__mock/journal'] as Record<string, OperationObject>).get;
    const names = ((journal?.parameters ?? []) as Json[]).map((p) => p.$ref ?? `${p.in}:${p.name}`);
    expect(names).toEqual([
      'query:method',
      'query:path',
      'query:status',
      'query:since',
      'query:after',
      '#/components/parameters/MockTenant',
      // The control plane also takes the tenant as ?tenant= (a browser link cannot set a header).
      '#/components/parameters/MockTenantQuery',
    ]);
  });

  it('names the input side of a schema apart when it differs from what the mock answers', () => {
    const schemas = (document.components as Json).schemas as Record<string, Json>;
    // A definition accepts unknown keys and fills defaults: the request and the echo differ.
    expect(schemas.EtlDefinitionInput?.required).toEqual(['table', 'mode']);
    expect(schemas.EtlDefinition?.required).toEqual(expect.arrayContaining(['format', 'outputFiles']));
    expect(schemas.EtlExecutionUpload?.properties).toMatchObject({
      definition: { $ref: '#/components/schemas/EtlDefinitionInput' },
    });
  });

  it('is the same document on every call, versioned like the package', async () => {
    const { default: packageJson } = await import('../../../package.json', { with: { type: 'json' } });
    expect(generateOpenApiDocument()).toEqual(document);
    expect((document.info as Json).version).toBe(packageJson.version);
  });
});
