import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Content } from './content.js';

export const CORPUS_DIR = new URL('../../corpus/', import.meta.url).pathname;

const Part = z.strictObject({
  name: z.string(),
  /** Sent as a file part when set; a plain field otherwise. */
  filename: z.string().optional(),
  type: z.string().optional(),
  content: Content,
});

const Body = z.union([
  z.strictObject({ content: Content }),
  z.strictObject({
    multipart: z.strictObject({
      boundary: z.string().default('corpus-boundary'),
      parts: z.array(Part),
      /** false leaves the closing delimiter out. */
      closing: z.boolean().default(true),
      epilogue: Content.optional(),
    }),
  }),
]);

export const CorpusRequest = z.strictObject({
  method: z.string().default('GET'),
  path: z.string().startsWith('/'),
  headers: z.record(z.string(), z.string()).default({}),
  /** `bearer`: a valid token of the case's tenant; `none`: no Authorization header; else the header itself. */
  auth: z.string().default('bearer'),
  body: Body.optional(),
});
export type CorpusRequest = z.infer<typeof CorpusRequest>;

/** Control calls made before the request, through the typed control client. */
const Step = z.union([
  z.strictObject({ settings: z.record(z.string(), z.unknown()) }),
  z.strictObject({ advance: z.strictObject({ ms: z.number().optional() }) }),
  z.strictObject({ progression: z.record(z.string(), z.unknown()) }),
  /** An Actito JSON call with the case's bearer token (e.g. creating a persistent ETL); must answer 2xx. */
  z.strictObject({
    api: z.strictObject({ method: z.string(), path: z.string().startsWith('/'), json: z.unknown() }),
  }),
]);
export type CorpusStep = z.infer<typeof Step>;

const Fragments = z
  .union([z.string(), z.array(z.string())])
  .transform((f) => (typeof f === 'string' ? [f] : f));

export const CorpusCase = z.strictObject({
  about: z.string().min(1),
  before: z.array(Step).default([]),
  request: CorpusRequest,
  /**
   * `fetch`: sent whole; `incomplete`: the whole multipart body is sent but the HTTP body never
   * ends (Content-Length larger than the body, or chunked without its last chunk), then the
   * client goes away.
   */
  send: z.enum(['fetch', 'incomplete']).default('fetch'),
  framing: z.enum(['content-length', 'chunked']).default('content-length'),
  /** The request sent this many times at once. */
  copies: z.number().int().positive().default(1),
  /** V4 uploads held in flight (their bodies unfinished) while the request is sent, then released. */
  alongside: z.strictObject({ held: z.number().int().positive(), status: z.number().int() }).optional(),
  /** The case resets the tenant: the bystander execution is gone by design. */
  resetsTenant: z.boolean().default(false),
  expect: z.strictObject({
    /** The status every copy gets; or `statuses`, the statuses copies may get. */
    status: z.number().int().optional(),
    statuses: z.array(z.number().int()).optional(),
    code: z.string().optional(),
    message: Fragments.optional(),
    errors: z.array(z.string()).optional(),
    /** For an accepted upload: the status it ends in (progression immediate) and its reason. */
    final: z
      .strictObject({
        status: z.string(),
        errorMessage: Fragments.optional(),
        notInErrorMessage: Fragments.optional(),
      })
      .optional(),
    /** Executions and imports registered; by default one per 201. */
    registers: z.number().int().nonnegative().optional(),
    /** Rows in the entity's tables afterwards. */
    rows: z.number().int().nonnegative().default(0),
    /** Values the demo Profiles rows hold afterwards, in order (each a subset of a row). */
    profiles: z.array(z.record(z.string(), z.unknown())).optional(),
    /** What the journal recorded, when the client got no answer. */
    journal: z.strictObject({ status: z.number().int(), errorCode: z.string().nullable() }).optional(),
  }),
});
export type CorpusCase = z.infer<typeof CorpusCase> & { family: string; name: string };

export const FAMILIES = [
  'multipart',
  'archive',
  'csv',
  'json',
  'auth',
  'routing',
  'control-plane',
  'concurrency',
] as const;

/** Every case file of the corpus, one folder per family; a malformed file fails loudly with its name. */
export function loadCorpus(): { cases: CorpusCase[]; values: Record<string, unknown> } {
  const values = JSON.parse(readFileSync(join(CORPUS_DIR, 'values.json'), 'utf8')) as Record<string, unknown>;
  const cases: CorpusCase[] = [];
  for (const family of FAMILIES) {
    for (const file of readdirSync(join(CORPUS_DIR, family))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = join(CORPUS_DIR, family, file);
      const parsed = CorpusCase.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
      cases.push({ ...parsed.data, family, name: basename(file, '.json') });
    }
  }
  return { cases, values };
}
