export { type CsvRecord, MAX_RECORD_CHARS } from './csv-chunk-parser.js';
export { FileLevelError, type FileLevelErrorCode } from './file-level-error.js';
export { LineStarts } from './line-starts.js';
export { type DataFileInfo, type ReadFormat, readCsvBatches, readFileBytes } from './read-csv.js';
export { createCsvLineEncoder, type WriteFormat } from './write-csv.js';
export { type ZipEntrySource, zipStream } from './zip-writer.js';
