import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server-process.js';

/**
 * The code blocks of README.md and docs/*.md, as the docs tests run them. The conventions, which
 * docs/performance-and-internals.md#tested-docs states for writers:
 *
 * - ```sh / ```bash / ```shell: run with bash, the page's blocks in order in one shell
 *   (`set -euo pipefail`), in an empty folder, against a fresh server on the default address.
 * - ```ts / ```typescript: type-checked under strict tsc against the packed package, then run:
 *   a block with `file=<path>` is a module of the page's project (`*.test.ts` files run with
 *   vitest), one without is a script run with node.
 * - `no-run: <reason>` after the language: not run; the tests list it with its reason.
 * - ```text output / ```text stderr / ```json output: what the runnable block just before prints
 *   on stdout (or stderr), compared with it; `<words in angle brackets>` stands for any text.
 * - ```text, ```json: illustrations (a JSON block must parse).
 */
export type BlockKind = 'shell' | 'typescript' | 'output' | 'text' | 'json';

export interface DocBlock {
  /** The page, relative to the repository: `README.md`, `docs/v5.md`. */
  page: string;
  /** The line of its opening fence, 1-based. */
  line: number;
  kind: BlockKind;
  /** The fence's info string as written: `sh`, `ts file=test/a.test.ts`, `text output`. */
  info: string;
  code: string;
  /** Set when the block is marked `no-run: <reason>`. */
  noRun?: string;
  /** `file=<path>` of a TypeScript block. */
  file?: string;
  /** For an output block: which stream of the block before it. */
  stream?: 'stdout' | 'stderr';
  /** For an output block: compared as JSON rather than as lines. */
  json?: boolean;
}

export interface RunnableBlock extends DocBlock {
  kind: 'shell' | 'typescript';
  /** What it prints, when the page says so. */
  expected: { stdout?: DocBlock; stderr?: DocBlock };
}

export interface DocPage {
  page: string;
  blocks: DocBlock[];
  runnable: RunnableBlock[];
}

const LANGUAGES: Record<string, BlockKind> = {
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  ts: 'typescript',
  typescript: 'typescript',
  text: 'text',
  json: 'json',
};

/** README.md first, then docs/*.md in name order. */
export function docPagePaths(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

export function readDocPages(): DocPage[] {
  return docPagePaths().map((page) => parseDocPage(page, readFileSync(join(ROOT, page), 'utf8')));
}

/** Every fenced block of a page (fences at the start of a line), with its kind and annotations. */
export function parseDocPage(page: string, markdown: string): DocPage {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const info = (open[2] as string).trim();
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith(fence); i++) body.push(lines[i] as string);
    if (i >= lines.length) throw new Error(`${page}:${start + 1}: a code block is never closed`);
    blocks.push(describeBlock(page, start + 1, info, body.join('\n')));
  }
  return { page, blocks, runnable: attachOutputs(page, blocks) };
}

function describeBlock(page: string, line: number, info: string, code: string): DocBlock {
  const where = `${page}:${line}`;
  const [language = '', ...rest] = info.split(/\s+/);
  const kind = LANGUAGES[language];
  if (!kind) {
    throw new Error(
      `${where}: a code block needs one of the languages ${Object.keys(LANGUAGES).join(', ')} (got "${info}")`,
    );
  }
  const block: DocBlock = { page, line, kind, info, code };
  const attributes = rest.join(' ');
  const noRun = /^no-run:\s*(.+)$/.exec(attributes);
  if (noRun) {
    if (kind !== 'shell' && kind !== 'typescript')
      throw new Error(`${where}: only code runs, so only code is no-run`);
    return { ...block, noRun: (noRun[1] as string).trim() };
  }
  if (attributes.startsWith('no-run')) throw new Error(`${where}: write the reason: "no-run: <why>"`);
  const file = /^file=(\S+)$/.exec(attributes);
  if (kind === 'typescript' && file) return { ...block, file: file[1] as string };
  if ((kind === 'text' || kind === 'json') && (attributes === 'output' || attributes === 'stderr')) {
    const vague = code
      .split('\n')
      .find((line) => line.trim() !== '' && line.replace(PLACEHOLDER, '').trim() === '');
    if (vague !== undefined)
      throw new Error(`${where}: an output line of placeholders alone checks nothing: "${vague}"`);
    return {
      ...block,
      kind: 'output',
      stream: attributes === 'stderr' ? 'stderr' : 'stdout',
      json: kind === 'json',
    };
  }
  if (attributes) throw new Error(`${where}: unknown annotation "${attributes}"`);
  if (kind === 'json') {
    try {
      JSON.parse(code);
    } catch (error) {
      throw new Error(`${where}: a json block must be valid JSON: ${(error as Error).message}`);
    }
  }
  return block;
}

/** Ties each output block to the runnable block right before it (another output block between). */
function attachOutputs(page: string, blocks: DocBlock[]): RunnableBlock[] {
  const runnable: RunnableBlock[] = [];
  let last: RunnableBlock | undefined;
  for (const block of blocks) {
    if (block.kind === 'shell' || block.kind === 'typescript') {
      last = block.noRun ? undefined : { ...block, kind: block.kind, expected: {} };
      if (last) runnable.push(last);
      continue;
    }
    if (block.kind !== 'output') {
      last = undefined;
      continue;
    }
    const stream = block.stream as 'stdout' | 'stderr';
    if (!last || last.expected[stream]) {
      throw new Error(
        `${page}:${block.line}: an output block must follow the runnable block it shows (one per stream)`,
      );
    }
    last.expected[stream] = block;
  }
  return runnable;
}

/**
 * Whether `actual` is what the output block shows: line by line, trailing spaces and blank lines
 * at either end ignored, `<words>` standing for any text on its line; a JSON block is compared as
 * JSON. Returns the first difference, or undefined.
 */
export function outputDifference(expected: DocBlock, actual: string): string | undefined {
  if (expected.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(actual);
    } catch {
      return `expected JSON, got:\n${actual}`;
    }
    const want = JSON.stringify(JSON.parse(expected.code), null, 2);
    const got = JSON.stringify(parsed, null, 2);
    return want === got ? undefined : `expected ${want}\ngot ${got}`;
  }
  const wanted = trimLines(expected.code);
  const got = trimLines(actual);
  for (let i = 0; i < Math.max(wanted.length, got.length); i++) {
    const want = wanted[i];
    const line = got[i];
    if (want === undefined || line === undefined || !linePattern(want).test(line)) {
      return `line ${i + 1}: expected ${JSON.stringify(want ?? '(end)')}, got ${JSON.stringify(line ?? '(end)')}\nwhole output:\n${actual}`;
    }
  }
  return undefined;
}

function trimLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** `<today>`, `<a second later>`: lower-case words in angle brackets match any text. */
const PLACEHOLDER = /<[a-z][a-z0-9 -]{0,40}>/g;

function linePattern(line: string): RegExp {
  const parts = line.split(PLACEHOLDER);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?')}$`);
}

/** `npm start`'s default address, which the blocks are written for. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';
