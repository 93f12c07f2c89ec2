export type {
  CountExpectation,
  JournalEntry,
  JournalResponse,
  RequestPattern,
  StringMatcher,
  VerifyResponse,
} from '../contracts/control.js';
export type { ActitoMockServer, StartServerOptions } from './adapters/node.js';
export { startServer } from './adapters/node.js';
export { loadFixtureFiles } from './cli/load-fixtures.js';
export type { FetchLike, JournalFilter, MockControl, RecordsFilter, TableOptions } from './control-client.js';
export {
  connectActitoMock,
  createControlClient,
  MockControlError,
  VerificationError,
} from './control-client.js';
export type { Clock } from './domain/clock.js';
export { createManualClock, createSystemClock } from './domain/clock.js';
export type { ErrorCode } from './domain/errors.js';
export { ActitoError, ERROR_CODES } from './domain/errors.js';
export { seededRandom } from './domain/ids.js';
export type { ProgressionInput, ProgressionPolicy, RecordKind } from './domain/lifecycle/progression.js';
export { parseProgression } from './domain/lifecycle/progression.js';
export type { ConvertV4Input, ConvertV4Result, MigrationNote } from './domain/migration/convert-v4-to-v5.js';
export { convertV4ImportToV5 } from './domain/migration/convert-v4-to-v5.js';
export type { DropFolderOptions, DropFolderWatcher } from './drop-folder/watch-drop-folder.js';
export { watchDropFolder } from './drop-folder/watch-drop-folder.js';
export { ACTITO_HOSTS } from './hosts.js';
export type { RequestListener, RequestLogEntry } from './http/request-log.js';
export type { ActitoMock, ActitoMockOptions } from './mock.js';
export { createActitoMock } from './mock.js';
