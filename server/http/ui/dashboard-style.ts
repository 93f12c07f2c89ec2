/** The dashboard's stylesheet, inline (allowed by its hash in the Content-Security-Policy). */
export const DASHBOARD_STYLE = `
:root { color-scheme: light; --line: #d8dde3; --muted: #5f6b7a; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --wait: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #f6f8fa; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.1rem; margin: 0; }
header h1 small { color: var(--muted); font-weight: normal; }
header nav a { margin-right: .75rem; }
main { padding: 0 1.25rem 2rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-top: 1rem; padding: .5rem 1rem 1rem; overflow-x: auto; }
h2 { font-size: 1rem; margin: .5rem 0; }
h3 { font-size: .9rem; margin: .75rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-top: 1px solid var(--line); }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
pre { margin: .25rem 0; max-width: 40rem; max-height: 24rem; overflow: auto; background: #f6f8fa; padding: .5rem; font-size: 12px; }
code, time, .path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.path { word-break: break-all; }
.muted, .none { color: var(--muted); font-size: .85em; }
.error { color: var(--bad); font-size: .85em; white-space: pre-wrap; }
td.bad { color: var(--bad); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-weight: 600; font-size: .8rem; color: #fff; }
.badge.ok { background: var(--ok); } .badge.warn { background: var(--warn); } .badge.bad { background: var(--bad); } .badge.wait { background: var(--wait); }
.timeline { margin: 0; padding: 0; list-style: none; white-space: nowrap; }
.files, .tables { margin: 0; padding-left: 1rem; }
.tables { font-size: .85em; }
.counts { display: grid; grid-template-columns: repeat(5, auto); gap: 0 .75rem; margin: 0; }
.counts dt { color: var(--muted); font-size: .75rem; white-space: nowrap; } .counts dd { margin: 0; font-weight: 600; font-size: 1rem; }
.never div, .settings div { display: grid; grid-template-columns: 16rem 1fr; border-top: 1px solid var(--line); padding: .25rem 0; }
.never dd, .settings dd { margin: 0; white-space: pre-wrap; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: .5rem; }
tr.s4xx td.status { color: var(--warn); font-weight: 600; } tr.s5xx td.status { color: var(--bad); font-weight: 600; }
tr.s2xx td.status { color: var(--ok); font-weight: 600; }
tr.current td { background: #ddf4ff; }
button { font: inherit; padding: .25rem .75rem; cursor: pointer; }
#reset { border: 1px solid var(--bad); color: var(--bad); background: #fff; border-radius: 4px; }
#poll-status { color: var(--bad); margin: 0; }
`;
