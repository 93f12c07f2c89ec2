import { Unzip, UnzipInflate } from 'fflate';

/**
 * The reader the mock used before (fflate's streaming `Unzip`), cut down to what the comparison
 * needs: same 16 KiB push slices, output drained between pushes, first data entry only.
 * Kept here only to benchmark against server/domain/files/unzip-single-entry.ts.
 */
export async function* fflateUnzip(source, slice = 16 * 1024) {
  const output = [];
  let failure = null;
  let dataEntry = false;
  const unzip = new Unzip((file) => {
    const isData = !dataEntry && !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/');
    dataEntry ||= isData;
    file.ondata = (error, data) => {
      if (error) failure ??= error;
      else if (isData && data.byteLength > 0) output.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of source) {
    for (let at = 0; at < chunk.byteLength; at += slice) {
      unzip.push(chunk.subarray(at, at + slice), false);
      if (failure) throw failure;
      yield* output.splice(0);
    }
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  yield* output.splice(0);
  if (!dataEntry) throw new Error('no data entry found (fflate saw no local header it could read)');
}
