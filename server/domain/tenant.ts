import type { MockFixture } from '../../contracts/fixture.js';
import { TokenStore } from './auth/tokens.js';
import type { Clock } from './clock.js';
import { EntityState } from './entity.js';
import { ActitoError } from './errors.js';
import type { IdGenerator } from './ids.js';
import { createIdGenerator, createUuidGenerator } from './ids.js';
import type { ImportRun } from './imports/import-run.js';
import type { ProgressionPolicy, ProgressionSettings, RecordKind } from './lifecycle/progression.js';
import type { V4Import } from './v4-imports/model.js';
import type { EtlExecution } from './v5-etl-executions/model.js';

export type Entity = EntityState<EtlExecution, V4Import>;

export interface TenantOptions {
  name: string;
  fixture: MockFixture;
  clock: Clock;
  progression: ProgressionSettings;
  random?: () => number;
  /** Files a V5 definition's remoteLocation may fetch, by location id then file name. */
  remoteFiles?: Record<string, Record<string, Uint8Array>>;
}

/**
 * Everything one tenant of the mock sees: entities and their tables, imports, tokens, ids,
 * progression settings and clock. Built anew on reset, so nothing pending from before can touch it.
 */
export class Tenant {
  readonly name: string;
  readonly clock: Clock;
  readonly entities: Map<string, Entity>;
  readonly tokens: TokenStore;
  readonly etlExecutionIds: IdGenerator = createIdGenerator(1000001);
  readonly v4ImportIds: IdGenerator = createIdGenerator(1000123);
  readonly uuids: IdGenerator;
  readonly progression: ProgressionSettings;
  readonly remoteFiles: Record<string, Record<string, Uint8Array>>;
  readonly fixture: MockFixture;

  constructor(options: TenantOptions) {
    this.name = options.name;
    this.fixture = options.fixture;
    this.clock = options.clock;
    this.progression = { ...options.progression };
    this.uuids = createUuidGenerator(options.random);
    this.tokens = new TokenStore(new Set(options.fixture.apiKeys), options.clock, this.uuids);
    const now = options.clock.now();
    this.entities = new Map(options.fixture.entities.map((e) => [e.name, new EntityState(e.name, e, now)]));
    this.remoteFiles = options.remoteFiles ?? {};
  }

  entity(name: string): Entity {
    const entity = this.entities.get(name);
    if (entity) return entity;
    throw new ActitoError(
      'UNKNOWN_ENTITY',
      `Unknown entity "${name}"; this mock serves ${[...this.entities.keys()].join(', ')}.`,
    );
  }

  /** Starts one entity afresh from the fixture; its imports are forgotten. */
  resetEntity(name: string): void {
    this.entity(name);
    const fixture = this.fixture.entities.find((e) => e.name === name);
    if (fixture) this.entities.set(name, new EntityState(name, fixture, this.clock.now()));
  }

  /** Every import run of every entity, V5 and V4. */
  *runs(): Generator<ImportRun> {
    for (const entity of this.entities.values()) {
      for (const execution of entity.etlExecutions.values()) yield execution.run;
      for (const v4Import of entity.v4Imports.values()) yield v4Import.run;
    }
  }

  /** Applies the moves that time has made due (after the clock moved). Returns how many records moved. */
  settleAll(): number {
    return this.#countMoves((run) => run.status.settle());
  }

  /** Moves every record under the manual policy one step. Returns how many moved. */
  advanceManual(): number {
    let moved = 0;
    for (const run of this.runs()) {
      const kind: RecordKind = this.#kindOf(run);
      if (this.progression[kind].type === 'manual' && run.status.advance()) moved += 1;
    }
    return moved;
  }

  #kindOf(run: ImportRun): RecordKind {
    return run.options.kind;
  }

  #countMoves(move: (run: ImportRun) => void): number {
    let moved = 0;
    for (const run of this.runs()) {
      const before = run.status.status;
      move(run);
      if (run.status.status !== before) moved += 1;
    }
    return moved;
  }

  policyFor(kind: RecordKind): () => ProgressionPolicy {
    return () => this.progression[kind];
  }
}
