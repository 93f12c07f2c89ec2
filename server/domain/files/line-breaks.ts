/**
 * Counts physical line breaks the way a text editor shows them: CRLF, a lone CR and a lone LF are
 * one break each, whatever end-of-line the file declares (Excel, for one, writes CRLF records with
 * LF breaks inside quoted cells). Counts `text` from `from` to `to`; `afterCR` says the text just
 * before `from` was a CR, so a leading LF completes that CRLF instead of starting a new line.
 */
export function countLineBreaks(text: string, from = 0, to = text.length, afterCR = false): number {
  let count = 0;
  for (let at = text.indexOf('\r', from); at !== -1 && at < to; at = text.indexOf('\r', at + 1)) count += 1;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) {
    const previous = at > from ? text.charCodeAt(at - 1) : afterCR ? 13 : 0;
    if (previous !== 13) count += 1;
  }
  return count;
}
