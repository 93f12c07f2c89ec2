import type { JournalDataFile, JournalUpload } from '../../../contracts/control.js';
import type { ImportPart } from '../imports/import-part.js';
import type { StagedFile } from '../imports/staged-file.js';
import type { Table } from '../tables/table.js';
import type { V4Import } from '../v4-imports/model.js';
import type { EtlExecution } from '../v5-etl-executions/model.js';
import type { PersistentEtlExecution } from '../v5-etls/model.js';

/** The data file as the mock read it: bytes as sent, compression, rows staged. */
export function journalDataFile(
  name: string | null,
  source: JournalDataFile['source'],
  staged: StagedFile,
): JournalDataFile {
  return {
    name,
    source,
    size: staged.info.compressedBytes,
    compression: staged.info.compression,
    entryName: staged.info.entryName,
    rowCount: staged.lines.length,
    fileError: staged.fileError?.message ?? null,
  };
}

function tableSummary(table: Table): JournalUpload['table'] {
  return { type: table.type, id: table.id, name: table.name };
}

/** The journal's view of an accepted V5 upload. */
export function etlExecutionUpload(execution: EtlExecution): JournalUpload {
  return {
    kind: 'v5.etlExecution',
    id: execution.id,
    entity: execution.entity,
    table: tableSummary(execution.table),
    definition: execution.definition,
    dataFile: journalDataFile(execution.dataFile.name, execution.dataFile.source, execution.run.staged),
  };
}

/** The journal's view of an accepted V4 upload. */
export function v4ImportUpload(v4Import: V4Import): JournalUpload {
  return {
    kind: 'v4.import',
    id: v4Import.id,
    entity: v4Import.entity,
    table: tableSummary(v4Import.table),
    parameters: v4Import.parameters,
    dataFile: journalDataFile(v4Import.dataFile.name, 'upload', v4Import.run.staged),
  };
}

/** The journal's view of a persistent ETL execution: the upload as a whole, and each table's file. */
export function persistentEtlExecutionUpload(execution: PersistentEtlExecution): JournalUpload {
  const parts = execution.run.parts;
  const failed = parts.find((part) => part.staged.fileError);
  return {
    kind: 'v5.etlExecution',
    id: execution.id,
    entity: execution.entity,
    etlId: execution.etlId,
    table: tableSummary((parts[0] as ImportPart).table),
    definition: execution.definition,
    dataFile: {
      name: execution.dataFile.name,
      source: 'upload',
      size: execution.dataFile.info.compressedBytes,
      compression: execution.dataFile.info.compression,
      entryName: null,
      rowCount: parts.reduce((sum, part) => sum + part.staged.lines.length, 0),
      fileError: failed?.staged.fileError?.message ?? null,
    },
    tables: parts.map((part) => ({
      table: tableSummary(part.table),
      fileName: part.fileName,
      rowCount: part.staged.lines.length,
      fileError: part.staged.fileError?.message ?? null,
    })),
  };
}
