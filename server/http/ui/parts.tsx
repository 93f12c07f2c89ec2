/* Small pieces the dashboard sections share. Every value goes through JSX, which escapes it. */

/** An ISO moment, compact; a dash when there is none yet. */
export function Moment({ at }: { at: string | null }) {
  if (at === null) return <span class="none">—</span>;
  return <time datetime={at}>{at.replace('T', ' ').replace(/Z$/, '')}</time>;
}

/** A status, coloured by what it means for a client. */
export function StatusBadge({ status }: { status: string }) {
  const tone = /^(SUCCESS|FINISHED)$/.test(status)
    ? 'ok'
    : /^(WITH_ERROR)$/.test(status)
      ? 'warn'
      : status === 'ERROR'
        ? 'bad'
        : 'wait';
  return (
    <span class={`badge ${tone}`} data-field="status">
      {status}
    </span>
  );
}

/** A JSON value, folded; `id` keeps it open across refreshes. */
export function JsonDetails({ id, summary, value }: { id: string; summary: string; value: unknown }) {
  return (
    <details data-key={id}>
      <summary>{summary}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

/** What a section shows when there is nothing to show. */
export function Empty({ children, name }: { children: string; name: string }) {
  return (
    <p class="empty" data-empty={name}>
      {children}
    </p>
  );
}

/** `a, b, c`, or `none`. */
export function listOrNone(items: readonly string[]): string {
  return items.length ? items.join(', ') : 'none';
}
