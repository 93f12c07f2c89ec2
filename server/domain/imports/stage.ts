import type { CsvRecord } from '../files/index.js';
import { FileLevelError, readCsvBatches } from '../files/index.js';
import { ownString } from '../tables/column-values.js';
import { yieldToEventLoop } from '../tables/write-queue.js';
import type { ImportPlan } from './plan.js';
import { planColumnsFromHeader } from './plan.js';
import { RetainedFile } from './retained-file.js';
import type { BoundColumn, RowFault, StagedFile } from './staged-file.js';
import { emptyStagedFile, failedStagedFile, newDataFileInfo } from './staged-file.js';
import { StagedCells } from './staged-rows.js';

/**
 * Streams an uploaded file through decompression, decoding and CSV parsing, checking every mapped
 * value against its attribute. Nothing is written to the table here: that happens on finishing.
 * A file-level failure is returned in `fileError`, never thrown.
 */
export async function stageFile(plan: ImportPlan, chunks: AsyncIterable<Uint8Array>): Promise<StagedFile> {
  const info = newDataFileInfo();
  const staged = emptyStagedFile(info);
  // The result file is cut from the upload read again: keep its bytes and where its lines start.
  const retained = plan.spec.generateResultFile ? new RetainedFile(plan.read) : null;
  const source = retained ? retained.tee(chunks) : chunks;
  const onFileBytes = retained ? (bytes: Uint8Array) => retained.lines.add(bytes) : undefined;
  let ragged = 0;
  let previous: CsvRecord | null = null;
  try {
    for await (const batch of readCsvBatches(source, plan.read, info, onFileBytes)) {
      for (const record of batch) {
        if (staged.header.length === 0) {
          bindHeader(plan, staged, record);
          continue;
        }
        // A row is cut from its one line of the file, unless it spans more (or blank lines follow).
        if (retained && previous && record.line - previous.line !== 1)
          staged.keptFields.set(staged.lines.length - 1, previous.fields);
        if (!stageRow(staged, record)) ragged += 1;
        previous = record;
      }
      // Batches already decompressed follow one another in microtasks: let other clients in.
      await yieldToEventLoop();
    }
    if (retained && previous) staged.keptFields.set(staged.lines.length - 1, previous.fields);
    checkWholeFile(plan, staged, ragged);
    retained?.seal();
    staged.source = retained;
    staged.lines = Uint32Array.from(staged.lines);
    return staged;
  } catch (error) {
    if (error instanceof FileLevelError) return failedStagedFile(info, error);
    throw error;
  }
}

function bindHeader(plan: ImportPlan, staged: StagedFile, record: CsvRecord): void {
  staged.header = record.fields;
  const position = new Map<string, number>();
  record.fields.forEach((name, index) => {
    const previous = position.get(name);
    if (previous !== undefined && name !== '') {
      throw new FileLevelError(
        'FILE_MALFORMED_CSV',
        `line 1: header column "${name}" appears twice (columns ${previous + 1} and ${index + 1}); header names must be unique`,
      );
    }
    position.set(name, index);
  });
  const planned = plan.mapped.length > 0 ? plan.mapped : planColumnsFromHeader(plan, record.fields);
  staged.columns = planned.map((column) => bind(column, position, record.fields, plan.read.separator));
  staged.values = new StagedCells(staged.columns.length);
  if (staged.columns.length === 0) {
    throw new FileLevelError(
      'FILE_MISSING_COLUMN',
      `line 1: no header column names an attribute of table ${plan.table.name}; add attributesMapping or rename the columns`,
    );
  }
}

function bind(
  column: ImportPlan['mapped'][number],
  position: Map<string, number>,
  header: string[],
  separator: string,
): BoundColumn {
  const field = position.get(column.headerColumn);
  if (field === undefined) {
    const found = listSome(header.map((name) => `"${name}"`));
    const hint = header.length === 1 ? `; is format.separator ("${separator}") the file's separator?` : '';
    throw new FileLevelError(
      'FILE_MISSING_COLUMN',
      `line 1: header column "${column.headerColumn}" named in attributesMapping is not in the file header (found ${found})${hint}`,
    );
  }
  return { ...column, field };
}

/** The first few of a list, and how many more: a header may have thousands of columns. */
function listSome(items: string[], shown = 20): string {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(', ')} and ${more} more` : items.join(', ');
}

/** Returns false for a row whose column count differs from the header's. */
function stageRow(staged: StagedFile, record: CsvRecord): boolean {
  (staged.lines as number[]).push(record.line);
  const row = staged.values.addRow();
  if (record.fields.length !== staged.header.length) {
    staged.faulty.set(row);
    staged.faults.push({
      line: record.line,
      column: '',
      value: '',
      code: 'COLUMN_COUNT_MISMATCH',
      message: `line ${record.line} has ${record.fields.length} columns; the header has ${staged.header.length}`,
    });
    return false;
  }
  const { columns, values, faults } = staged;
  for (let cell = 0; cell < columns.length; cell += 1) {
    const fault = checkValue(columns[cell] as BoundColumn, record, values, row, cell);
    if (fault) {
      faults.push(fault);
      staged.faulty.set(row);
    }
  }
  return true;
}

function checkValue(
  column: BoundColumn,
  record: CsvRecord,
  values: StagedFile['values'],
  row: number,
  cell: number,
): RowFault | null {
  let raw = record.fields[column.field] as string;
  if (column.transform) {
    const transformed = column.transform(raw);
    if (!transformed.ok) return fault(record.line, column, raw, transformed.code, transformed.message);
    raw = transformed.value;
  }
  const checked = column.check(raw);
  if (!checked.ok) return fault(record.line, column, raw, checked.code, checked.message);
  values.set(row, cell, checked.value);
  return null;
}

function fault(line: number, column: BoundColumn, value: string, code: string, message: string): RowFault {
  // Its own copy: a substring would keep the whole decoded chunk it came from alive with the fault.
  return { line, column: column.headerColumn, value: ownString(value), code, message };
}

function checkWholeFile(plan: ImportPlan, staged: StagedFile, ragged: number): void {
  if (staged.header.length === 0)
    throw new FileLevelError('FILE_EMPTY', 'the file is empty; it needs a header line');
  if (staged.lines.length === 0) {
    throw new FileLevelError('FILE_NO_DATA', 'the file has a header line but no data line');
  }
  if (ragged === staged.lines.length) {
    throw new FileLevelError(
      'FILE_MALFORMED_CSV',
      `no data line has the header's ${staged.header.length} columns (${staged.faults[0]?.message}); check format.separator ("${plan.read.separator}") and format.enclosing ("${plan.read.enclosing}")`,
    );
  }
}
