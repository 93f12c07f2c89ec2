import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocBlock } from './helpers/docs-blocks.js';
import { docPagePaths, outputDifference, parseDocPage, readDocPages } from './helpers/docs-blocks.js';
import { ROOT } from './helpers/server-process.js';

/**
 * The docs' own rules, checked without running them (docs-shell and docs-typescript run them):
 * every block is of a known kind, the few that do not run are the ones listed here with their
 * reasons, links resolve, and the README's test command is the one CI runs.
 */
describe('the docs pages', () => {
  it('mark every code block with a language the docs tests know, and only runnable code as no-run', () => {
    const pages = readDocPages();
    const blocks = pages.flatMap((page) => page.blocks);
    const runnable = pages.flatMap((page) => page.runnable);
    const count = (kind: string) => runnable.filter((block) => block.kind === kind).length;
    const compared = runnable.filter((block) => block.expected.stdout || block.expected.stderr).length;
    console.log(
      `docs: ${pages.length} pages, ${count('shell')} shell and ${count('typescript')} TypeScript blocks run, ${compared} compared with the output shown, ${blocks.filter((block) => block.noRun).length} not run`,
    );
    expect(count('shell')).toBeGreaterThan(10);
    expect(count('typescript')).toBeGreaterThan(3);
  });

  it('run every block but these, each for its stated reason', () => {
    const skipped = readDocPages().flatMap((page) =>
      page.blocks.filter((block) => block.noRun).map((block) => `${block.page}: ${block.noRun}`),
    );
    for (const line of skipped) console.log(`not run: ${line}`);
    expect(skipped).toEqual([
      'README.md: two folders (the clone, then your project) and a path only you know',
      'README.md: the first serves until Ctrl+C, the second is the whole test suite (CI runs it)',
      'docs/cli.md: needs a Docker engine (none on the CI machines; the Dockerfile is linted in npm run check)',
    ]);
  });

  it('are all linked from the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const unlinked = docPagePaths()
      .filter((page) => page !== 'README.md')
      .filter((page) => !readme.includes(`](${page})`));
    expect(unlinked).toEqual([]);
  });

  it('link only to files and headings that exist', () => {
    const broken = docPagePaths().flatMap((page) => {
      const markdown = readFileSync(join(ROOT, page), 'utf8');
      return [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1] as string)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !linkResolves(page, target))
        .map((target) => `${page}: ${target}`);
    });
    expect(broken).toEqual([]);
  });

  it("give .ci/run the README's test command", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const command = /^(npm install && npm test)\s+#/m.exec(readme)?.[1];
    expect(command).toBe('npm install && npm test');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain(`\n${command} ||`);
  });
});

describe('the docs block reader', () => {
  const page = (markdown: string) => parseDocPage('page.md', markdown);
  const output = (code: string): DocBlock => ({
    page: 'p',
    line: 1,
    kind: 'output',
    info: 'text output',
    code,
  });

  it('ties an output block to the block before it and reads the annotations', () => {
    const { runnable, blocks } = page(
      '```sh\necho hi\n```\n\n```text output\nhi\n```\n\n```sh no-run: needs Docker\ndocker ps\n```\n\n```ts file=a.test.ts\nexport {};\n```\n',
    );
    expect(
      runnable.map((block) => [block.kind, block.code, block.expected.stdout?.code, block.file]),
    ).toEqual([
      ['shell', 'echo hi', 'hi', undefined],
      ['typescript', 'export {};', undefined, 'a.test.ts'],
    ]);
    expect(blocks.find((block) => block.noRun)?.noRun).toBe('needs Docker');
  });

  it('refuses unknown languages, a no-run without its reason, a stray output block, invalid JSON', () => {
    expect(() => page('```js\n1\n```\n')).toThrow('page.md:1: a code block needs one of the languages');
    expect(() => page('```\nx\n```\n')).toThrow('a code block needs one of the languages');
    expect(() => page('```sh no-run\nx\n```\n')).toThrow('write the reason');
    expect(() => page('```json\n{"a": }\n```\n')).toThrow('a json block must be valid JSON');
    expect(() => page('```text\nx\n```\n```text output\nx\n```\n')).toThrow('must follow the runnable block');
    expect(() => page('```sh\nx\n```\n```text output\n<anything>\n```\n')).toThrow('placeholders alone');
  });

  it('compares output line by line, with placeholders for what changes', () => {
    expect(outputDifference(output('a\n<today> b\n'), '\na\n20260302 b  \n\n')).toBeUndefined();
    expect(outputDifference(output('a\nb'), 'a\nc\n')).toContain('line 2: expected "b", got "c"');
    expect(outputDifference(output('a'), 'a\nb\n')).toContain('line 2: expected "(end)", got "b"');
    expect(outputDifference(output('a.c'), 'abc')).toContain('line 1');
    const json: DocBlock = { ...output('{"a": [1, 2]}'), json: true };
    expect(outputDifference(json, '{"a":[1,2]}\n')).toBeUndefined();
    expect(outputDifference(json, '{"a":[2,1]}')).toContain('expected');
  });
});

/** Markdown without its code blocks and inline code, where `](x)` is no link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function linkResolves(page: string, target: string): boolean {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? page : normalize(join(dirname(page), path));
  const absolute = join(ROOT, file);
  if (!existsSync(absolute)) return false;
  if (anchor === undefined) return true;
  if (statSync(absolute).isDirectory() || !file.endsWith('.md')) return false;
  return headingSlugs(readFileSync(absolute, 'utf8')).includes(anchor);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingSlugs(markdown: string): string[] {
  const seen = new Map<string, number>();
  return [...withoutFences(markdown).matchAll(/^#{1,6} (.+)$/gm)].map((match) => {
    const slug = (match[1] as string)
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replaceAll(' ', '-');
    const times = seen.get(slug) ?? 0;
    seen.set(slug, times + 1);
    return times === 0 ? slug : `${slug}-${times}`;
  });
}

function withoutFences(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}
