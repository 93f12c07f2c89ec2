import { parseArgs } from 'node:util';

/** Wrong arguments: the command prints the message and its usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends infer T ? (T extends 'string' ? string : boolean) : never;
};

/**
 * `util.parseArgs`, with every fault of the command line named at once rather than the first
 * one: unknown options, options missing their value, values given to a switch, extra arguments.
 * An option value that starts with `-` must be written `--name=-value`, as with strict parseArgs.
 */
export function parseCommandLine<O extends Record<string, OptionSpec>>(
  args: string[],
  options: O,
  maxPositionals = 0,
): { values: Values<O>; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const unknown: string[] = [];
  const faults: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) unknown.push(token.rawName);
    else if (spec.type === 'string' && token.value === undefined)
      faults.push(`${token.rawName} needs a value`);
    else if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
      faults.push(
        `${token.rawName} needs a value (got ${token.value}; write ${token.rawName}=${token.value} if that is the value)`,
      );
    else if (spec.type === 'boolean' && token.inlineValue) faults.push(`${token.rawName} takes no value`);
  }
  if (unknown.length > 0)
    faults.unshift(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  if (positionals.length > maxPositionals) {
    const extra = positionals.slice(maxPositionals).map((text) => `"${text}"`);
    faults.push(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);
  }
  if (faults.length > 0) throw new UsageError(faults.join('; '));
  return { values: values as Values<O>, positionals };
}
