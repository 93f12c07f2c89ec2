import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';

/**
 * The bytes of a corpus case, written as data: text, bytes, JSON (a named value with changes),
 * and the few generators hostile files need (repetition, concatenation, gzip, zip), so a 3 MiB
 * field or a zip bomb is one short line of a case file rather than a blob.
 */
export type Content =
  | string
  | { text: string }
  | { latin1: string }
  | { hex: string }
  | { base64: string }
  | { json: unknown }
  | { ref: string; set?: Record<string, unknown>; drop?: string[] }
  | { repeat: Content; times: number }
  | { numbered: string; times: number }
  | { concat: Content[] }
  | { gzip: Content }
  | { zip: { name: string; content: Content; store?: boolean }[] };

export const Content: z.ZodType<Content> = z.lazy(() =>
  z.union([
    z.string(),
    z.strictObject({ text: z.string() }),
    z.strictObject({ latin1: z.string() }),
    z.strictObject({ hex: z.string().regex(/^([0-9a-f]{2}|\s)*$/i) }),
    z.strictObject({ base64: z.string() }),
    z.strictObject({ json: z.unknown() }),
    z.strictObject({
      ref: z.string(),
      set: z.record(z.string(), z.unknown()).optional(),
      drop: z.array(z.string()).optional(),
    }),
    z.strictObject({ repeat: Content, times: z.number().int().nonnegative() }),
    z.strictObject({ numbered: z.string().includes('{n}'), times: z.number().int().nonnegative() }),
    z.strictObject({ concat: z.array(Content) }),
    z.strictObject({ gzip: Content }),
    z.strictObject({
      zip: z.array(z.strictObject({ name: z.string(), content: Content, store: z.boolean().optional() })),
    }),
  ]),
);

/** Named values cases refer to (`{"ref": "v5Definition", "set": {"format.separator": ","}}`). */
export type NamedValues = Record<string, unknown>;

export function buildContent(content: Content, values: NamedValues): Uint8Array {
  if (typeof content === 'string') return strToU8(content);
  if ('text' in content) return strToU8(content.text);
  if ('latin1' in content) return new Uint8Array(Buffer.from(content.latin1, 'latin1'));
  if ('hex' in content) return new Uint8Array(Buffer.from(content.hex.replace(/\s+/g, ''), 'hex'));
  if ('base64' in content) return new Uint8Array(Buffer.from(content.base64, 'base64'));
  if ('json' in content) return strToU8(JSON.stringify(content.json));
  if ('ref' in content) return strToU8(JSON.stringify(namedValue(content, values)));
  if ('repeat' in content) return repeatBytes(buildContent(content.repeat, values), content.times);
  if ('numbered' in content) {
    const text = Array.from({ length: content.times }, (_, n) =>
      content.numbered.replaceAll('{n}', String(n + 1)),
    );
    return strToU8(text.join(''));
  }
  if ('concat' in content)
    return new Uint8Array(Buffer.concat(content.concat.map((c) => buildContent(c, values))));
  if ('gzip' in content) return new Uint8Array(gzipSync(buildContent(content.gzip, values)));
  return zipSync(
    Object.fromEntries(
      content.zip.map((entry) => [
        entry.name,
        [buildContent(entry.content, values), { level: entry.store ? 0 : 6 }] as const,
      ]),
    ),
  );
}

/** A named value, deep-copied, with dotted paths set (`format.separator`) or dropped. */
export function namedValue(
  content: { ref: string; set?: Record<string, unknown>; drop?: string[] },
  values: NamedValues,
): unknown {
  if (!(content.ref in values)) throw new Error(`unknown corpus value "${content.ref}"`);
  const value = structuredClone(values[content.ref]) as Record<string, unknown>;
  for (const [path, replacement] of Object.entries(content.set ?? {})) setPath(value, path, replacement);
  for (const path of content.drop ?? []) setPath(value, path, undefined);
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function repeatBytes(bytes: Uint8Array, times: number): Uint8Array {
  const out = new Uint8Array(bytes.byteLength * times);
  for (let n = 0; n < times; n += 1) out.set(bytes, n * bytes.byteLength);
  return out;
}
