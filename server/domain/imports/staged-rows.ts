/** Rows per block: blocks keep every array small (V8 caps one array's length) and growth cheap. */
const BLOCK_ROWS = 8192;

/**
 * A table of strings with a fixed number of cells per row, kept in flat blocks rather than one
 * array per row: a million-row file costs a few hundred arrays instead of a million, which keeps
 * garbage collection short. Cells are read and written by (row, cell).
 */
export class StagedCells<T extends string | null | undefined = string | null | undefined> {
  readonly #blocks: T[][] = [];
  #rows = 0;

  constructor(readonly width: number) {}

  get rows(): number {
    return this.#rows;
  }

  /** Appends a row of empty (undefined) cells; returns its index. */
  addRow(): number {
    const row = this.#rows;
    if (row % BLOCK_ROWS === 0) this.#blocks.push(new Array<T>(this.width * BLOCK_ROWS));
    this.#rows += 1;
    return row;
  }

  set(row: number, cell: number, value: T): void {
    (this.#blocks[Math.floor(row / BLOCK_ROWS)] as T[])[(row % BLOCK_ROWS) * this.width + cell] = value;
  }

  get(row: number, cell: number): T {
    return (this.#blocks[Math.floor(row / BLOCK_ROWS)] as T[])[(row % BLOCK_ROWS) * this.width + cell] as T;
  }

  /** Frees the blocks holding only rows before `row`: a writer going through them no longer needs them. */
  release(row: number): void {
    const done = Math.floor(row / BLOCK_ROWS);
    for (let block = 0; block < done && block < this.#blocks.length; block += 1) this.#blocks[block] = [];
  }

  /** The cells of one row, as a new array. */
  row(row: number): T[] {
    const block = this.#blocks[Math.floor(row / BLOCK_ROWS)] as T[];
    const start = (row % BLOCK_ROWS) * this.width;
    return block.slice(start, start + this.width);
  }
}

/** One bit per row, growing as rows are added. */
export class RowFlags {
  #bits = new Uint8Array(1024);

  set(row: number): void {
    const byte = row >> 3;
    if (byte >= this.#bits.length) {
      const wider = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2));
      wider.set(this.#bits);
      this.#bits = wider;
    }
    this.#bits[byte] = (this.#bits[byte] as number) | (1 << (row & 7));
  }

  has(row: number): boolean {
    return (((this.#bits[row >> 3] ?? 0) >> (row & 7)) & 1) === 1;
  }
}
