/** Distinct values a dictionary column holds at most before it becomes a plain array. */
const MAX_DICTIONARY = 0xffff;
/** Past this many rows, a column whose distinct values exceed a quarter of its rows goes plain. */
const DICTIONARY_PROBE_ROWS = 4096;

/** V8 shares the characters of a substring of 13 or more with the text it was cut from. */
const SHARED_SUBSTRING_LENGTH = 13;

/**
 * A copy of `value` that holds its own characters. A value parsed from an upload is a substring
 * of the decoded chunk it came from, and would keep that whole chunk alive (a million stored
 * e-mails kept the whole 100 MB file). Joining two parts makes a new string, which V8 flattens
 * into fresh characters on first read.
 */
export function ownString(value: string): string {
  if (value.length < SHARED_SUBSTRING_LENGTH) return value;
  const copy = value.slice(0, 1) + value.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/**
 * The values of one table column, kept compactly: while the column repeats values (a country, a
 * date of birth, a moment, a flag), each row holds a 1- or 2-byte code into a dictionary of the
 * distinct values; once it turns out mostly distinct (an e-mail, a key), it becomes a plain array.
 * Either way a row's value is read and replaced in constant time. Code 0 is null.
 */
export class ColumnValues {
  #length = 0;
  #codes: Uint8Array | Uint16Array | null = new Uint8Array(16);
  /** Value per code; index 0 (null) unused. */
  #dictionary: (string | null)[] = [null];
  #codeOf: Map<string, number> | null = new Map();
  #plain: (string | null)[] | null = null;

  get length(): number {
    return this.#length;
  }

  get(row: number): string | null {
    if (this.#plain) return this.#plain[row] ?? null;
    return this.#dictionary[(this.#codes as Uint8Array)[row] as number] ?? null;
  }

  push(value: string | null): void {
    const row = this.#length;
    this.#length += 1;
    if (this.#plain) {
      this.#plain.push(value === null ? null : ownString(value));
      return;
    }
    if (row >= (this.#codes as Uint8Array).length) this.#grow();
    this.#store(row, value);
  }

  set(row: number, value: string | null): void {
    if (this.#plain) this.#plain[row] = value === null ? null : ownString(value);
    else this.#store(row, value);
  }

  #store(row: number, value: string | null): void {
    const code = value === null ? 0 : this.#code(value);
    if (code < 0) {
      this.#toPlain();
      (this.#plain as (string | null)[])[row] = value === null ? null : ownString(value);
      return;
    }
    (this.#codes as Uint8Array)[row] = code;
    if (row === DICTIONARY_PROBE_ROWS && this.#dictionary.length * 4 > row) this.#toPlain();
  }

  /** The value's code, a new one if need be; -1 when the dictionary is full. */
  #code(value: string): number {
    const codeOf = this.#codeOf as Map<string, number>;
    const known = codeOf.get(value);
    if (known !== undefined) return known;
    const code = this.#dictionary.length;
    if (code > MAX_DICTIONARY) return -1;
    if (code > 0xff && this.#codes instanceof Uint8Array) this.#codes = Uint16Array.from(this.#codes);
    const own = ownString(value);
    codeOf.set(own, code);
    this.#dictionary.push(own);
    return code;
  }

  #grow(): void {
    const codes = this.#codes as Uint8Array | Uint16Array;
    const wider =
      codes instanceof Uint8Array ? new Uint8Array(codes.length * 2) : new Uint16Array(codes.length * 2);
    wider.set(codes);
    this.#codes = wider;
  }

  #toPlain(): void {
    const plain = new Array<string | null>(this.#length);
    for (let row = 0; row < this.#length; row += 1) plain[row] = this.get(row);
    this.#plain = plain;
    this.#codes = null;
    this.#codeOf = null;
    this.#dictionary = [];
  }
}
