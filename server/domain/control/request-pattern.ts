import type { z } from 'zod';
import type {
  JournalEntry,
  PatternDifference,
  RequestPattern as RequestPatternSchema,
  StringMatcher,
} from '../../../contracts/control.js';
import { compilePathGlob } from './path-glob.js';

export type ParsedRequestPattern = z.output<typeof RequestPatternSchema>;

/** A difference and how far it puts the request from the pattern: another endpoint is farther. */
export interface WeighedDifference extends PatternDifference {
  weight: number;
}

type Check = (entry: JournalEntry) => WeighedDifference[];

/** Requests to another endpoint are farther than the same call with another status or body. */
const ENDPOINT = 3;
const OUTCOME = 2;
const DETAIL = 1;

/**
 * Compiles a pattern once (globs and regular expressions included) into a function that lists
 * where a journal entry differs from it: none means it matches. `after` is not a check but the
 * scope, applied by the caller.
 */
export function compileRequestPattern(
  pattern: ParsedRequestPattern,
): (entry: JournalEntry) => WeighedDifference[] {
  const checks: Check[] = [];
  if (pattern.operation !== undefined) checks.push(operationCheck(pattern.operation));
  if (pattern.method !== undefined) checks.push(methodCheck(pattern.method.toUpperCase()));
  if (pattern.path !== undefined) checks.push(pathCheck(pattern.path));
  if (pattern.status !== undefined) checks.push(statusCheck(pattern.status));
  if (pattern.errorCode !== undefined) checks.push(errorCodeCheck(pattern.errorCode));
  for (const [name, matcher] of Object.entries(pattern.headers ?? {})) {
    const header = name.toLowerCase();
    checks.push(valueCheck(`headers.${header}`, matcher, (entry) => entry.headers[header]));
  }
  for (const [name, matcher] of Object.entries(pattern.query ?? {}))
    checks.push(valueCheck(`query.${name}`, matcher, (entry) => entry.query[name]));
  if (pattern.definition !== undefined) checks.push(definitionCheck(pattern.definition));
  if (pattern.dataFile !== undefined) checks.push(dataFileCheck(pattern.dataFile));
  return (entry) => checks.flatMap((check) => check(entry));
}

function differs(field: string, expected: string, actual: string, weight: number): WeighedDifference[] {
  return [{ field, expected, actual, weight }];
}

function operationCheck(operation: string): Check {
  return (entry) =>
    entry.operation === operation
      ? []
      : differs('operation', operation, entry.operation ?? '(no route matched)', ENDPOINT);
}

function methodCheck(method: string): Check {
  return (entry) => (entry.method === method ? [] : differs('method', method, entry.method, ENDPOINT));
}

function pathCheck(globs: string | string[]): Check {
  const list = typeof globs === 'string' ? [globs] : globs;
  const matchers = list.map(compilePathGlob);
  const expected = list.join(' or ');
  return (entry) =>
    matchers.some((matches) => matches(entry.path)) ? [] : differs('path', expected, entry.path, ENDPOINT);
}

function statusCheck(status: number | string): Check {
  const matches =
    typeof status === 'number'
      ? (actual: number) => actual === status
      : (actual: number) => Math.floor(actual / 100) === Number(status[0]);
  return (entry) =>
    matches(entry.status) ? [] : differs('status', String(status), answered(entry), OUTCOME);
}

function errorCodeCheck(code: string): Check {
  return (entry) =>
    entry.errorCode === code ? [] : differs('errorCode', code, entry.errorCode ?? '(none)', OUTCOME);
}

/** `400 INVALID_DEFINITION`, or `201`. */
function answered(entry: JournalEntry): string {
  return entry.errorCode ? `${entry.status} ${entry.errorCode}` : String(entry.status);
}

function valueCheck(
  field: string,
  matcher: StringMatcher,
  read: (entry: JournalEntry) => string | undefined,
): Check {
  const { matches, expected } = stringMatcher(matcher);
  return (entry) => {
    const actual = read(entry);
    return matches(actual)
      ? []
      : differs(field, expected, actual === undefined ? '(absent)' : quote(actual), DETAIL);
  };
}

function stringMatcher(matcher: StringMatcher): {
  matches: (value: string | undefined) => boolean;
  expected: string;
} {
  if (typeof matcher === 'string') return { matches: (value) => value === matcher, expected: quote(matcher) };
  if ('equals' in matcher)
    return { matches: (value) => value === matcher.equals, expected: quote(matcher.equals) };
  if ('contains' in matcher)
    return {
      matches: (value) => value?.includes(matcher.contains) ?? false,
      expected: `containing ${quote(matcher.contains)}`,
    };
  if ('matches' in matcher) {
    const pattern = new RegExp(matcher.matches);
    return {
      matches: (value) => value !== undefined && pattern.test(value),
      expected: `matching /${matcher.matches}/`,
    };
  }
  return { matches: (value) => value === undefined, expected: '(absent)' };
}

/** The JSON an upload carried: the accepted definition or parameters, else a refused one's text. */
function uploadedJson(entry: JournalEntry): { found: true; value: unknown } | { found: false; why: string } {
  const upload = entry.upload;
  if (upload) return { found: true, value: upload.definition ?? upload.parameters };
  const text = entry.received?.definition;
  if (text === null || text === undefined) return { found: false, why: '(no definition)' };
  try {
    return { found: true, value: JSON.parse(text) };
  } catch {
    return { found: false, why: `(not JSON: ${preview(text)})` };
  }
}

function definitionCheck(pattern: unknown): Check {
  return (entry) => {
    const json = uploadedJson(entry);
    if (!json.found) return differs('definition', preview(JSON.stringify(pattern)), json.why, DETAIL);
    return jsonSubsetDifferences(pattern, json.value, 'definition');
  };
}

function dataFileCheck(pattern: NonNullable<ParsedRequestPattern['dataFile']>): Check {
  return (entry) => {
    const dataFile = entry.upload?.dataFile;
    if (!dataFile)
      return differs('dataFile', preview(JSON.stringify(pattern)), '(no accepted upload)', DETAIL);
    return jsonSubsetDifferences(pattern, dataFile, 'dataFile');
  };
}

/**
 * Where `actual` differs from `pattern`: objects match when every key of the pattern matches,
 * arrays element by element (same length), anything else when strictly equal.
 */
export function jsonSubsetDifferences(pattern: unknown, actual: unknown, field: string): WeighedDifference[] {
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return differs(field, `${pattern.length} items`, describe(actual), DETAIL);
    if (actual.length !== pattern.length)
      return differs(field, `${pattern.length} items`, `${actual.length} items`, DETAIL);
    return pattern.flatMap((item, i) => jsonSubsetDifferences(item, actual[i], `${field}[${i}]`));
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return differs(field, 'an object', describe(actual), DETAIL);
    return Object.entries(pattern).flatMap(([key, value]) =>
      jsonSubsetDifferences(value, (actual as Record<string, unknown>)[key], `${field}.${key}`),
    );
  }
  return pattern === actual ? [] : differs(field, describe(pattern), describe(actual), DETAIL);
}

function describe(value: unknown): string {
  return value === undefined ? '(missing)' : preview(JSON.stringify(value));
}

function quote(text: string): string {
  return preview(JSON.stringify(text));
}

/** Long values cut, so a message stays readable. */
export function preview(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
