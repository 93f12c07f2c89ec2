import type { EtlTransformation } from '../../../contracts/v5.js';
import { compileDateFormat, NOT_MATCHING } from './date-format.js';
import { quoteValue } from './quote-value.js';

export type TransformFailure = { ok: false; code: 'INVALID_DATE' | 'INVALID_DATE_TIME'; message: string };
export type ValueTransform = (raw: string) => { ok: true; value: string } | TransformFailure;

/** One transformation: the new value, or why the value cannot be transformed. */
type Step = (value: string) => string | TransformFailure;

export interface TransformationOptions {
  /** Year that places two-digit `yy` years (see compileDateFormat); defaults to the current UTC year. */
  referenceYear?: number;
}

/**
 * Compiles a definition's transformations into one function per header column. Transformations on
 * the same column run in the order they are declared, each on the previous one's output. Throws on a
 * DATE_FORMAT pattern that checkTransformationFormat rejects.
 */
export function compileTransformations(
  transformations: readonly EtlTransformation[],
  options: TransformationOptions = {},
): Map<string, ValueTransform> {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const stepsByColumn = new Map<string, Step[]>();
  for (const transformation of transformations) {
    const steps = stepsByColumn.get(transformation.headerColumn) ?? [];
    steps.push(compileStep(transformation, referenceYear));
    stepsByColumn.set(transformation.headerColumn, steps);
  }
  const transforms = new Map<string, ValueTransform>();
  for (const [column, steps] of stepsByColumn) transforms.set(column, chain(steps));
  return transforms;
}

function chain(steps: readonly Step[]): ValueTransform {
  return (raw) => {
    let value = raw;
    for (const step of steps) {
      const result = step(value);
      if (typeof result !== 'string') return result;
      value = result;
    }
    return { ok: true, value };
  };
}

function compileStep(transformation: EtlTransformation, referenceYear: number): Step {
  switch (transformation.type) {
    case 'TRIM':
      return (value) => value.trim();
    case 'UPPERCASE':
      return (value) => value.toUpperCase();
    case 'LOWERCASE':
      return (value) => value.toLowerCase();
    case 'VALUE_MAPPING': {
      // A Map, not the record itself: a value like "constructor" must not hit Object.prototype.
      const mapping = new Map(Object.entries(transformation.mapping));
      return (value) => mapping.get(value) ?? value;
    }
    case 'DEFAULT_VALUE': {
      const fallback = transformation.value;
      return (value) => (value === '' ? fallback : value);
    }
    case 'DATE_FORMAT':
      return dateFormatStep(transformation.fromFormat, referenceYear);
  }
}

/** Rewrites a date written in `fromFormat` to Actito's `yyyy-MM-dd` (plus ` HH:mm:ss` with a time). */
function dateFormatStep(fromFormat: string, referenceYear: number): Step {
  const format = compileDateFormat(fromFormat, referenceYear);
  const code = format.hasTime ? 'INVALID_DATE_TIME' : 'INVALID_DATE';
  const noun = format.hasTime ? 'date and time' : 'date';
  return (value) => {
    // An empty cell has no date to convert; mandatory checks come later, on the attribute.
    if (value === '') return value;
    const reading = format.read(value);
    if (typeof reading === 'string') return reading;
    const message =
      reading === NOT_MATCHING
        ? `${quoteValue(value)} does not match the date format ${fromFormat}`
        : `${quoteValue(value)} is not a real ${noun} (read with the date format ${fromFormat})`;
    return { ok: false, code, message };
  };
}
