import type { FSWatcher, Stats } from 'node:fs';
import { createReadStream, watch } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocationId } from '../../contracts/v5-etls.js';
import type { DropResult } from '../domain/v5-etls/receive-dropped-file.js';
import { receiveDroppedFile } from '../domain/v5-etls/receive-dropped-file.js';
import type { ActitoMock } from '../mock.js';

export interface DropFolderOptions {
  /** How long a file must keep its size and modification time before it is read (default 500 ms). */
  stableMs?: number;
  /** Told what happened to each file (the server prints it). */
  log?: (line: string) => void;
}

export interface DropFolderWatcher {
  readonly dir: string;
  /** Stops watching; files being read are finished first. */
  close(): Promise<void>;
}

const OUTCOME_FOLDERS = ['processed', 'failed'] as const;
/** Names of files still being written under the rename convention, and of the folder's own files. */
const IN_PROGRESS = /^\.|\.(tmp|part|partial|filepart|crdownload|reason\.txt)$/i;

/**
 * Watches `dir/<locationId>/` for every file transfer location (a folder of that name, created by
 * the user or by the mock when an ETL names it) and hands each file that arrives to the ETLs of
 * every tenant watching that location, as a file transfer would. A file is read once it is
 * complete: either it appeared by rename (write `name.part` or `.name`, then rename it), or its
 * size and modification time stayed the same for `stableMs`. Once read it is moved to
 * `processed/` (it started an execution that could read it) or `failed/` (with
 * `<name>.reason.txt` saying why).
 */
export async function watchDropFolder(
  mock: ActitoMock,
  dir: string,
  options: DropFolderOptions = {},
): Promise<DropFolderWatcher> {
  const watcher = new DropFolder(mock, dir, options.stableMs ?? 500, options.log ?? (() => {}));
  await watcher.start();
  return watcher;
}

class DropFolder implements DropFolderWatcher {
  readonly #watchers = new Map<string, FSWatcher>();
  readonly #pending = new Map<string, { timer: ReturnType<typeof setTimeout>; seen: Stats | null }>();
  readonly #working = new Set<Promise<void>>();
  readonly #busy = new Set<string>();
  #stopListening: () => void = () => {};
  #closed = false;

  constructor(
    private readonly mock: ActitoMock,
    readonly dir: string,
    private readonly stableMs: number,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.#watch(this.dir, (name) => void this.#maybeLocation(name));
    this.#stopListening = this.mock.core.onLocation((locationId) => {
      void mkdir(join(this.dir, locationId), { recursive: true })
        .then(() => this.#addLocation(locationId))
        .catch((error) => this.log(`drop folder: cannot create ${locationId}/: ${(error as Error).message}`));
    });
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await this.#maybeLocation(entry.name);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#stopListening();
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
    await Promise.all(this.#working);
  }

  async #maybeLocation(name: string): Promise<void> {
    if (!LocationId.safeParse(name).success) return;
    const isFolder = await stat(join(this.dir, name)).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder) await this.#addLocation(name);
  }

  async #addLocation(locationId: string): Promise<void> {
    const folder = join(this.dir, locationId);
    if (this.#closed || this.#watchers.has(folder)) return;
    for (const outcome of OUTCOME_FOLDERS) await mkdir(join(folder, outcome), { recursive: true });
    if (this.#watchers.has(folder)) return;
    this.#watch(folder, (name) => this.#consider(locationId, name));
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isFile()) this.#consider(locationId, entry.name);
    }
  }

  #watch(folder: string, onName: (name: string) => void): void {
    const watcher = watch(folder, (_event, name) => {
      if (name) onName(name.toString());
    });
    // A location folder removed while watched: stop watching it, and pick it up again if it comes back.
    watcher.on('error', () => {
      watcher.close();
      this.#watchers.delete(folder);
    });
    this.#watchers.set(folder, watcher);
  }

  /** A name that may be a new or growing file: read it once it stopped changing. */
  #consider(locationId: string, name: string): void {
    const key = `${locationId}/${name}`;
    if (
      this.#closed ||
      IN_PROGRESS.test(name) ||
      OUTCOME_FOLDERS.includes(name as never) ||
      this.#busy.has(key)
    )
      return;
    const pending = this.#pending.get(key);
    if (pending) clearTimeout(pending.timer);
    const seen = pending?.seen ?? null;
    const timer = setTimeout(() => void this.#check(locationId, name), seen ? this.stableMs : 0);
    this.#pending.set(key, { timer, seen });
  }

  async #check(locationId: string, name: string): Promise<void> {
    const key = `${locationId}/${name}`;
    const path = join(this.dir, locationId, name);
    const now = await stat(path).catch(() => null);
    const previous = this.#pending.get(key)?.seen ?? null;
    if (this.#closed || !now?.isFile()) {
      this.#pending.delete(key);
      return;
    }
    if (!previous || previous.size !== now.size || previous.mtimeMs !== now.mtimeMs) {
      const timer = setTimeout(() => void this.#check(locationId, name), this.stableMs);
      this.#pending.set(key, { timer, seen: now });
      return;
    }
    this.#pending.delete(key);
    this.#busy.add(key);
    const work = this.#process(locationId, name, path).finally(() => {
      this.#busy.delete(key);
      this.#working.delete(work);
    });
    this.#working.add(work);
  }

  async #process(locationId: string, name: string, path: string): Promise<void> {
    const results: { tenant: string; result: DropResult }[] = [];
    let failure: string | null = null;
    try {
      for (const tenantName of this.mock.core.tenantNames()) {
        const tenant = this.mock.core.tenant(tenantName);
        const result = await receiveDroppedFile(tenant, locationId, name, () => ({
          name,
          chunks: createReadStream(path, { highWaterMark: 64 * 1024 }),
        }));
        results.push({ tenant: tenantName, result });
      }
    } catch (error) {
      failure = `the mock could not read the file: ${(error as Error).message}`;
    }
    const processed = failure === null && results.some(({ result }) => result.outcome === 'processed');
    const reason =
      failure ??
      (results
        .map(({ tenant, result }) => (result.reason ? `tenant ${tenant}: ${result.reason}` : null))
        .filter(Boolean)
        .join('\n') ||
        'no tenant of the mock has an ETL watching this location');
    const started = results.flatMap(({ tenant, result }) =>
      result.executions.map((e) => `execution ${e.executionId} of ETL ${e.etlId} (tenant ${tenant})`),
    );
    this.log(
      `drop ${locationId}/${name}: ${processed ? 'processed' : 'failed'}${started.length ? `, started ${started.join(', ')}` : ''}${processed ? '' : `: ${reason}`}`,
    );
    await this.#moveAside(
      locationId,
      name,
      path,
      processed ? 'processed' : 'failed',
      processed ? null : reason,
    );
  }

  async #moveAside(locationId: string, name: string, path: string, outcome: string, reason: string | null) {
    const folder = join(this.dir, locationId, outcome);
    try {
      await mkdir(folder, { recursive: true });
      const target = await freeName(folder, name);
      // The reason first: whoever sees the file in failed/ finds why beside it.
      if (reason !== null) await writeFile(`${target}.reason.txt`, `${reason}\n`);
      await rename(path, target);
    } catch (error) {
      this.log(`drop ${locationId}/${name}: could not move it to ${outcome}/: ${(error as Error).message}`);
    }
  }
}

/** `folder/name`, or `folder/name.1`, `.2`... when a file of that name was moved there before. */
async function freeName(folder: string, name: string): Promise<string> {
  for (let n = 0; ; n += 1) {
    const candidate = join(folder, n === 0 ? name : `${name}.${n}`);
    const taken = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}
