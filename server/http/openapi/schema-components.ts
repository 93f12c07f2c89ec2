import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };
export type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';
/** A ref written while converting: the final name is known only once every schema is seen. */
const PENDING_REF = /^#\/components\/schemas\/([^@]+)@(input|output)$/;
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * Turns zod contracts into OpenAPI schemas: requests on their input side, responses on their
 * output side (defaults filled, transforms applied). Every schema with a meta `id` becomes one
 * component, referenced wherever it appears. When its two sides differ (an object accepts unknown
 * keys on input but promises none on output), the input side is named `<id>Input`, as the
 * contracts' `z.input` types are.
 */
export class SchemaComponents {
  readonly #defs: Record<Io, Map<string, JsonSchema>> = { input: new Map(), output: new Map() };

  /** The JSON Schema (2020-12) of one side of `schema`; schemas with a meta id become refs. */
  convert(schema: z.ZodType, io: Io): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.#addDef(id, pendingRefs(def, io) as JsonSchema, io);
    }
    return pendingRefs(root, io) as JsonSchema;
  }

  /** Like `convert`, but a schema with a meta id comes back whole, not as a ref: parameters need its properties. */
  convertInline(schema: z.ZodType, io: Io): JsonSchema {
    const json = this.convert(schema, io);
    const ref = typeof json.$ref === 'string' ? PENDING_REF.exec(json.$ref) : null;
    return (ref && this.#defs[io].get(ref[1] as string)) || json;
  }

  /**
   * Gives every component its final name, rewrites the refs of `document` (in place) to them,
   * and returns the components, sorted by name.
   */
  finish(document: object): Record<string, JsonSchema> {
    const named = this.#names();
    const schemas: Record<string, JsonSchema> = {};
    for (const io of ['output', 'input'] as const) {
      for (const [id, def] of this.#defs[io]) schemas[named(id, io)] = def;
    }
    const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
    rewriteRefs(document, named);
    rewriteRefs(sorted, named);
    return sorted;
  }

  #addDef(id: string, def: JsonSchema, io: Io): void {
    if (!COMPONENT_NAME.test(id)) {
      throw new Error(
        `Schema id "${id}" cannot name an OpenAPI component: give it a meta id of letters, digits, ".", "-" or "_" (zod names a schema reused recursively without an id "__schemaN").`,
      );
    }
    const known = this.#defs[io].get(id);
    if (known && !isDeepStrictEqual(known, def)) {
      throw new Error(`Two different schemas carry the meta id "${id}": give each its own id.`);
    }
    this.#defs[io].set(id, def);
  }

  /** Which ids need a separate input component: their sides differ, or they refer to one that does. */
  #names(): (id: string, io: Io) => string {
    const { input, output } = this.#defs;
    const split = new Set<string>();
    for (const [id, def] of input) {
      const out = output.get(id);
      if (out && !isDeepStrictEqual(sideless(def), sideless(out))) split.add(id);
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const [id, def] of input) {
        if (split.has(id) || !output.has(id)) continue;
        if (refsOf(def).some((ref) => split.has(ref))) {
          split.add(id);
          grew = true;
        }
      }
    }
    const named = (id: string, io: Io) => (io === 'input' && split.has(id) ? `${id}Input` : id);
    for (const id of split) {
      if (output.has(`${id}Input`) || input.has(`${id}Input`))
        throw new Error(`Schema ids "${id}" and "${id}Input" collide in the OpenAPI components: rename one.`);
    }
    return named;
  }
}

/** A copy of `value` whose `#/$defs/X` refs read `#/components/schemas/X@<io>`. */
function pendingRefs(value: unknown, io: Io): unknown {
  if (Array.isArray(value)) return value.map((item) => pendingRefs(item, io));
  if (value === null || typeof value !== 'object') return value;
  const copy: JsonSchema = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')
        ? `${COMPONENTS}${item.slice('#/$defs/'.length)}@${io}`
        : pendingRefs(item, io);
  }
  return copy;
}

/** The ids a converted schema refers to. */
function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const pending = key === '$ref' && typeof item === 'string' ? PENDING_REF.exec(item) : null;
      if (pending) found.push(pending[1] as string);
      else refsOf(item, found);
    }
  }
  return found;
}

/** The schema with its refs stripped of their side, to compare an input def with its output def. */
function sideless(def: JsonSchema): unknown {
  return JSON.parse(JSON.stringify(def).replace(/@(input|output)"/g, '"'));
}

function rewriteRefs(value: unknown, named: (id: string, io: Io) => string): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteRefs(item, named);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as JsonSchema;
  for (const [key, item] of Object.entries(record)) {
    const pending = key === '$ref' && typeof item === 'string' ? PENDING_REF.exec(item) : null;
    if (pending) record[key] = `${COMPONENTS}${named(pending[1] as string, pending[2] as Io)}`;
    else rewriteRefs(item, named);
  }
}
