import { FileLevelError } from './file-level-error.js';
import { peekBytes } from './peek-bytes.js';

export type BomPolicy = 'reject' | 'strip';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Applies the byte-order-mark policy to the (decompressed) file: V5 rejects any BOM, V4 drops a
 * UTF-8 one. A UTF-16 BOM is always rejected: it means the file is UTF-16, which neither version
 * reads, and decoding it as UTF-8 or ISO-8859-1 would only produce garbage further down.
 */
export async function* applyBomPolicy(
  source: AsyncIterator<Uint8Array>,
  policy: BomPolicy,
): AsyncGenerator<Uint8Array> {
  const { head, all } = await peekBytes(source, UTF8_BOM.length);
  const bom = detectBom(head);
  if (bom === 'UTF-16' || (bom === 'UTF-8' && policy === 'reject')) throw bomError(bom);
  let skip = bom === 'UTF-8' ? UTF8_BOM.length : 0;
  for await (const chunk of all) {
    const cut = Math.min(skip, chunk.byteLength);
    skip -= cut;
    if (cut < chunk.byteLength) yield cut === 0 ? chunk : chunk.subarray(cut);
  }
}

export function detectBom(head: Uint8Array): 'UTF-8' | 'UTF-16' | null {
  if (head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) return 'UTF-8';
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return 'UTF-16';
  return null;
}

function bomError(bom: 'UTF-8' | 'UTF-16'): FileLevelError {
  const fix =
    bom === 'UTF-8'
      ? 're-save the file as UTF-8 without BOM'
      : 're-save the file as UTF-8 (without BOM) or ISO-8859-1';
  return new FileLevelError(
    'FILE_BOM',
    `line 1: the file starts with a ${bom} byte order mark (BOM), which is not accepted; ${fix}`,
  );
}
