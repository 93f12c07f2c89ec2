import { z } from 'zod';
import { ErrorEnvelope } from '../../../contracts/errors.js';
import type { OpenApiDocument } from '../../../contracts/openapi.js';
import type { Operation, OperationResponse } from '../../../contracts/operations/index.js';
import { allOperations } from '../../../contracts/operations/index.js';
import { ACTITO_HOSTS } from '../../hosts.js';
import { MOCK_VERSION } from '../version.js';
import { documentDescription } from './description.js';
import type { JsonSchema } from './schema-components.js';
import { SchemaComponents } from './schema-components.js';

export interface OpenApiOptions {
  operations?: readonly Operation[];
  version?: string;
}

const SECURITY: Record<Operation['auth'], Record<string, string[]>[]> = {
  bearer: [{ bearerToken: [] }],
  bearerOrBasic: [{ bearerToken: [] }, { basicAuth: [] }],
  apiKey: [{ apiKey: [] }],
  none: [],
};

/**
 * The OpenAPI 3.1 document of the mock, generated from the operation list and its zod contracts
 * (never written by hand). Each alias path gets its own operation object; the first path keeps
 * the operation's id, the others get `<id>Alias<n>` (operationIds must be unique).
 */
export function generateOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const operations = options.operations ?? allOperations;
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const shared = describeOperation(operation, components);
    operation.paths.forEach((path, index) => {
      const methods = paths[path] ?? {};
      paths[path] = methods;
      if (methods[operation.method]) {
        throw new Error(`Two operations describe ${operation.method.toUpperCase()} ${path}.`);
      }
      methods[operation.method] = {
        operationId: index === 0 ? operation.id : `${operation.id}Alias${index}`,
        ...shared,
        ...aliasNote(operation, index),
        parameters: [...pathParameters(operation, path, components), ...(shared.parameters as unknown[])],
      };
    });
  }
  const errorSchema = components.convert(ErrorEnvelope, 'output');
  const document = {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'actito-mock',
      version: options.version ?? MOCK_VERSION,
      summary:
        'A local Actito for tests: mass imports (V5 ETL executions, V4 imports), table structures, and a control plane.',
      description: documentDescription(operations),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: '/', description: 'This mock, where this document is served.' },
      ...ACTITO_HOSTS.map((url) => ({ url, description: 'Actito (the mock’s MSW handlers intercept it).' })),
    ],
    tags: tagsOf(operations),
    paths,
    components: {
      schemas: {} as Record<string, JsonSchema>,
      responses: {
        Error: {
          description:
            'Any other failure, in the one error envelope: a bad X-Mock-Tenant (INVALID_CONTROL_REQUEST), a fault injected with the control plane, an internal error.',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
      parameters: { MockTenant: mockTenantParameter(), MockTenantQuery: mockTenantQueryParameter() },
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            '`Authorization: Bearer <accessToken>`, with a token from GET /auth/token (15 minutes).',
        },
        basicAuth: {
          type: 'http',
          scheme: 'basic',
          description:
            'HTTP Basic on the single-record routes: any login (Actito’s SDK sends `<licence>/<user>`), the API key as password.',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'The raw API key as the whole Authorization header, with no scheme.',
        },
      },
    },
  };
  document.components.schemas = components.finish(document);
  return document;
}

/** Everything of an operation object that does not depend on the path. */
function describeOperation(operation: Operation, components: SchemaComponents): Record<string, unknown> {
  return {
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [...operation.tags],
    'x-actito-fidelity': operation.fidelity,
    'x-actito-operation': operation.id,
    security: SECURITY[operation.auth],
    parameters: [
      ...queryParameters(operation, components),
      { $ref: '#/components/parameters/MockTenant' },
      // A browser cannot set a header on a link: the control plane also takes the tenant as ?tenant=.
      ...(operation.paths.every((path) => path.startsWith('/__mock/'))
        ? [{ $ref: '#/components/parameters/MockTenantQuery' }]
        : []),
    ],
    ...requestBody(operation, components),
    responses: {
      ...Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          describeResponse(response, components),
        ]),
      ),
      default: { $ref: '#/components/responses/Error' },
    },
  };
}

function aliasNote(operation: Operation, index: number): Record<string, string> {
  if (index === 0) return {};
  const note = `Alias of \`${operation.id}\` (${operation.paths[0]}): the mock serves both paths alike.`;
  return { description: operation.description ? `${operation.description}\n\n${note}` : note };
}

function pathParameters(operation: Operation, path: string, components: SchemaComponents): unknown[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const schema = operation.request?.params;
  const described = schema ? components.convertInline(schema, 'input') : { properties: {} };
  const properties = (described.properties ?? {}) as Record<string, JsonSchema>;
  const extra = Object.keys(properties).filter((name) => !names.includes(name));
  const missing = names.filter((name) => !properties[name]);
  if (missing.length || extra.length) {
    throw new Error(
      `Operation ${operation.id}: request.params must list exactly the parameters of ${path}` +
        `${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not in the path: ${extra.join(', ')}` : ''}.`,
    );
  }
  return names.map((name) => parameter(name, 'path', true, properties[name] as JsonSchema));
}

function queryParameters(operation: Operation, components: SchemaComponents): unknown[] {
  const query = operation.request?.query;
  if (!query) return [];
  const described = components.convertInline(query, 'input');
  const required = (described.required ?? []) as string[];
  return Object.entries((described.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) =>
    parameter(name, 'query', required.includes(name), schema),
  );
}

/** A parameter object; the description moves from the schema to the parameter, where tools show it. */
function parameter(name: string, place: 'path' | 'query', required: boolean, schema: JsonSchema) {
  const { description, ...rest } = schema;
  return { name, in: place, required, ...(description ? { description } : {}), schema: rest };
}

function requestBody(operation: Operation, components: SchemaComponents): Record<string, unknown> {
  const request = operation.request;
  if (request?.json) {
    return {
      requestBody: {
        // Control routes read an empty body as {}: the body is required only when {} is refused.
        required: !request.json.safeParse({}).success,
        content: { 'application/json': { schema: components.convert(request.json, 'input') } },
      },
    };
  }
  if (request?.multipart) {
    return {
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: components.convert(request.multipart, 'input'),
            encoding: partEncoding(request.multipart, request.encoding ?? {}),
          },
        },
      },
    };
  }
  return {};
}

/** The Content-Type of each part: as the operation says, else JSON for data and octet-stream for files. */
function partEncoding(
  multipart: z.ZodType,
  declared: Readonly<Record<string, string>>,
): Record<string, { contentType: string }> {
  if (!(multipart instanceof z.ZodObject)) {
    throw new Error('request.multipart must be a z.object whose keys are the part names.');
  }
  return Object.fromEntries(
    Object.entries(multipart.shape as Record<string, z.ZodType>).map(([part, schema]) => {
      const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
      const fallback = inner instanceof z.ZodFile ? 'application/octet-stream' : 'application/json';
      return [part, { contentType: declared[part] ?? fallback }];
    }),
  );
}

function describeResponse(
  response: OperationResponse,
  components: SchemaComponents,
): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (response.json) content['application/json'] = { schema: components.convert(response.json, 'output') };
  if (response.contentType) {
    content[response.contentType] = {
      schema: response.schema
        ? components.convert(response.schema, 'output')
        : { contentMediaType: response.contentType },
    };
  }
  const headers = Object.entries(response.headers ?? {}).map(([name, description]) => [
    name,
    { description, schema: { type: 'string' } },
  ]);
  return {
    description: response.description,
    ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

function mockTenantParameter() {
  return {
    name: 'X-Mock-Tenant',
    in: 'header',
    required: false,
    description:
      'The tenant whose state the request sees (entities, imports, tokens, journal, settings), so parallel test workers sharing one server stay apart. Left out: the default tenant.',
    // The rule server/http/tenant.ts applies.
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  };
}

function mockTenantQueryParameter() {
  const { description: _, ...header } = mockTenantParameter();
  return {
    ...header,
    name: 'tenant',
    in: 'query',
    description:
      'The tenant, as X-Mock-Tenant says it, for clients that cannot set a header (a browser following a dashboard link). When both are sent they must name the same tenant.',
  };
}

function tagsOf(operations: readonly Operation[]): { name: string }[] {
  const names = new Set(operations.flatMap((operation) => operation.tags));
  return [...names].map((name) => ({ name }));
}
