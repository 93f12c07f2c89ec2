import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './command-line.js';

const OPTIONS = {
  port: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

describe('parseCommandLine', () => {
  it('reads options in every spelling util.parseArgs knows', () => {
    expect(parseCommandLine(['--port', '0', '-q'], OPTIONS).values).toEqual({ port: '0', quiet: true });
    expect(parseCommandLine(['--port=-1'], OPTIONS).values).toEqual({ port: '-1' });
    expect(parseCommandLine(['a', 'b', '--quiet'], OPTIONS, 2)).toEqual({
      values: { quiet: true },
      positionals: ['a', 'b'],
    });
  });

  it('names every fault at once: unknown options, missing values, values of switches, extra arguments', () => {
    expect(() => parseCommandLine(['--bogus', '-x', '--port'], OPTIONS)).toThrow(
      new UsageError('unknown options --bogus, -x; --port needs a value'),
    );
    expect(() => parseCommandLine(['--quiet=yes', 'extra', 'more'], OPTIONS)).toThrow(
      '--quiet takes no value; unexpected arguments "extra" "more"',
    );
    expect(() => parseCommandLine(['--port', '--quiet'], OPTIONS)).toThrow(
      '--port needs a value (got --quiet; write --port=--quiet if that is the value)',
    );
    expect(() => parseCommandLine(['--tabel', 'x'], OPTIONS, 1)).toThrow(/^unknown option --tabel$/);
  });
});
