import type { z } from 'zod';
import type {
  CountExpectation,
  JournalEntry,
  JournalResponse,
  NearMiss,
  VerifyResponse,
} from '../../../contracts/control.js';
import type { ParsedRequestPattern, WeighedDifference } from './request-pattern.js';
import { compileRequestPattern, preview } from './request-pattern.js';

export type ParsedCount = z.output<typeof CountExpectation>;

const NEAR_MISSES = 3;
const LISTED_MATCHES = 5;

/** The entries in the pattern's scope (`after`) that match it. */
export function findInJournal(journal: JournalResponse, pattern: ParsedRequestPattern): JournalEntry[] {
  const differences = compileRequestPattern(pattern);
  return inScope(journal.entries, pattern).filter((entry) => differences(entry).length === 0);
}

/**
 * WireMock's `verify` over the journal: how many entries match the pattern against how many were
 * expected, and when too few did, the closest entries and how each differs, in a message to print.
 */
export function verifyJournal(
  journal: JournalResponse,
  pattern: ParsedRequestPattern,
  count: ParsedCount = {},
): VerifyResponse {
  const differences = compileRequestPattern(pattern);
  const scope = inScope(journal.entries, pattern);
  const judged = scope.map((entry) => ({ entry, differences: differences(entry) }));
  const matched = judged.filter((item) => item.differences.length === 0).map((item) => item.entry);
  const { min, max } = bounds(count);
  const ok = matched.length >= min && matched.length <= max;
  const nearMisses =
    ok || matched.length > max
      ? []
      : judged
          .filter((item) => item.differences.length > 0)
          .sort((a, b) => distance(a.differences) - distance(b.differences) || b.entry.seq - a.entry.seq)
          .slice(0, NEAR_MISSES)
          .map((item) => nearMiss(item.entry, item.differences));
  const expected = expectedCount(min, max);
  const result = {
    ok,
    expected,
    count: matched.length,
    matched: matched.map((entry) => entry.seq),
    considered: scope.length,
    dropped: journal.dropped,
    inFlight: journal.inFlight,
    nearMisses,
  };
  return { ...result, message: verdictMessage(result, pattern, matched, max) };
}

function inScope(entries: JournalEntry[], pattern: ParsedRequestPattern): JournalEntry[] {
  const after = pattern.after;
  return after === undefined ? entries : entries.filter((entry) => entry.seq > after);
}

function bounds(count: ParsedCount): { min: number; max: number } {
  if (count.exactly !== undefined) return { min: count.exactly, max: count.exactly };
  if (count.atLeast === undefined && count.atMost === undefined)
    return { min: 1, max: Number.POSITIVE_INFINITY };
  return { min: count.atLeast ?? 0, max: count.atMost ?? Number.POSITIVE_INFINITY };
}

function distance(differences: WeighedDifference[]): number {
  return differences.reduce((sum, difference) => sum + difference.weight, 0);
}

function nearMiss(entry: JournalEntry, differences: WeighedDifference[]): NearMiss {
  return {
    seq: entry.seq,
    method: entry.method,
    path: entry.path,
    operation: entry.operation,
    status: entry.status,
    errorCode: entry.errorCode,
    errorMessage: entry.errorMessage,
    differences: differences.map(({ field, expected, actual }) => ({ field, expected, actual })),
  };
}

/** `exactly 1`, `at least 1`, `at most 3`, `between 2 and 4`, `no`. */
function expectedCount(min: number, max: number): string {
  if (min === max) return min === 0 ? 'no' : `exactly ${min}`;
  if (max === Number.POSITIVE_INFINITY) return `at least ${min}`;
  if (min === 0) return `at most ${max}`;
  return `between ${min} and ${max}`;
}

function verdictMessage(
  result: Omit<VerifyResponse, 'message'>,
  pattern: ParsedRequestPattern,
  matched: JournalEntry[],
  max: number,
): string {
  const one = result.expected.endsWith(' 1') && !result.expected.startsWith('between');
  const subject = `${result.expected} request${one ? '' : 's'} matching ${describePattern(pattern)}`;
  if (result.ok) return `Verified ${subject}: ${result.count} matched.`;
  const context = [
    `${result.considered} journaled`,
    ...(result.dropped ? [`${result.dropped} older ones dropped`] : []),
    ...(result.inFlight ? [`${result.inFlight} still in flight`] : []),
  ].join(', ');
  const lines = [`Expected ${subject}, but ${result.count} matched (${context}).`];
  if (result.count > max) {
    lines.push('Matching requests:');
    for (const entry of matched.slice(0, LISTED_MATCHES)) lines.push(`  ${entryLine(entry)}`);
    if (matched.length > LISTED_MATCHES) lines.push(`  ... and ${matched.length - LISTED_MATCHES} more`);
  } else if (result.considered === 0) {
    lines.push('The journal holds no request to compare with.');
  } else {
    lines.push('Closest requests:');
    for (const miss of result.nearMisses) {
      lines.push(`  ${entryLine(miss)}`);
      for (const d of miss.differences) lines.push(`    ${d.field}: expected ${d.expected}, got ${d.actual}`);
    }
  }
  return lines.join('\n');
}

type EntrySummary = Pick<
  JournalEntry,
  'seq' | 'method' | 'path' | 'operation' | 'status' | 'errorCode' | 'errorMessage'
>;

/** `#3 POST /mass-imports/... (createEtlExecution) -> 400 INVALID_DEFINITION: The definition ...` */
function entryLine(entry: EntrySummary): string {
  const operation = entry.operation ? ` (${entry.operation})` : '';
  const answer = entry.errorCode ? `${entry.status} ${entry.errorCode}` : String(entry.status);
  const message = entry.errorMessage ? `: ${preview(entry.errorMessage)}` : '';
  return `#${entry.seq} ${entry.method} ${entry.path}${operation} -> ${answer}${message}`;
}

function describePattern(pattern: ParsedRequestPattern): string {
  const { after: _scope, ...criteria } = pattern;
  const text = JSON.stringify(criteria);
  return text === '{}' ? 'anything' : preview(text, 300);
}
