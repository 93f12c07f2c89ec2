/**
 * The dashboard's only script, inline (no build step, no CDN) and allowed by its hash in the
 * page's Content-Security-Policy. It never turns data into markup: journal rows are built with
 * textContent, and refreshed sections are HTML the server rendered (and escaped) itself.
 * Plain ES2020 for any current browser; the browser test runs it in Chromium.
 */
export const DASHBOARD_SCRIPT = `
(() => {
  'use strict';
  const body = document.body;
  const tenant = body.dataset.tenant;
  const every = Number(body.dataset.refreshMs) || 1000;
  const headers = { 'x-mock-tenant': tenant, accept: 'application/json' };
  const pollStatus = document.getElementById('poll-status');
  const MAX_ROWS = 500;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- Sections the server re-renders ----
  const lastHtml = new Map();
  async function refreshSection(section) {
    const id = section.dataset.section;
    const response = await fetch('/__mock/ui/sections/' + id, { headers: { 'x-mock-tenant': tenant } });
    if (!response.ok) throw new Error('section ' + id + ' answered ' + response.status);
    const html = await response.text();
    if (lastHtml.get(id) === html) return;
    lastHtml.set(id, html);
    const target = section.querySelector('.section-body');
    const open = new Set(Array.from(target.querySelectorAll('details[open][data-key]'), (d) => d.dataset.key));
    target.innerHTML = html;
    for (const details of target.querySelectorAll('details[data-key]'))
      if (open.has(details.dataset.key)) details.open = true;
  }

  // ---- The live journal ----
  const rows = document.getElementById('journal-rows');
  const filters = document.getElementById('journal-filters');
  const journalError = document.getElementById('journal-error');
  const journalEmpty = document.getElementById('journal-empty');
  const journalCounts = document.getElementById('journal-counts');
  let after = 0;
  let generation = 0;

  function journalRow(entry) {
    const row = element('tr', 's' + String(entry.status)[0] + 'xx');
    row.dataset.seq = entry.seq;
    row.appendChild(element('td', '', entry.seq));
    row.appendChild(element('td', '', entry.time.replace('T', ' ').replace(/Z$/, '')));
    const query = new URLSearchParams(entry.query).toString();
    const request = element('td', 'request');
    request.appendChild(element('strong', '', entry.method + ' '));
    request.appendChild(element('span', 'path', entry.path + (query ? '?' + query : '')));
    row.appendChild(request);
    const status = element('td', 'status', entry.status);
    if (entry.errorCode) status.appendChild(element('div', 'muted', entry.errorCode));
    const message = entry.errorMessage;
    if (message) status.appendChild(element('div', 'error', message));
    row.appendChild(status);
    row.appendChild(element('td', '', entry.operation || entry.route || '(no route)'));
    row.appendChild(element('td', '', entry.durationMs));
    row.appendChild(element('td', '', exchangeSummary(entry)));
    const details = element('details');
    details.appendChild(element('summary', '', 'entry'));
    details.appendChild(element('pre', '', JSON.stringify(entry, null, 2)));
    const cell = element('td');
    cell.appendChild(details);
    row.appendChild(cell);
    return row;
  }

  /** What the request carried: an accepted upload, a refused one's parts, or a webhook the mock sent. */
  function exchangeSummary(entry) {
    const upload = entry.upload;
    if (upload) {
      const etl = upload.etlId ? ' (ETL ' + upload.etlId + ')' : '';
      return upload.kind + ' ' + upload.id + etl + ' into ' + upload.table.name + ' (' + upload.dataFile.rowCount + ' rows)';
    }
    const webhook = entry.webhook;
    if (webhook)
      return 'webhook ' + webhook.eventType + ' try ' + webhook.attempt + ' to ' + webhook.targetUrl + (webhook.error ? ': ' + webhook.error : '');
    const received = entry.received;
    if (received)
      return 'parts: ' + (received.parts.map((part) => part.name + (part.fileName ? ' (' + part.fileName + ')' : '')).join(', ') || 'none');
    return '';
  }

  function journalQuery() {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(filters)) if (String(value).trim() !== '') query.set(name, String(value).trim());
    query.set('after', String(after));
    return query;
  }

  async function pollJournal() {
    const mine = generation;
    const response = await fetch('/__mock/journal?' + journalQuery(), { headers });
    const answer = await response.json();
    if (mine !== generation) return;
    if (!response.ok) {
      journalError.textContent = answer.message || 'The journal answered ' + response.status;
      journalError.hidden = false;
      return;
    }
    journalError.hidden = true;
    if (answer.lastSeq < after) {
      // A reset restarted the numbering: start over.
      restartJournal();
      return;
    }
    for (const entry of answer.entries) {
      rows.insertBefore(journalRow(entry), rows.firstChild);
      after = Math.max(after, entry.seq);
    }
    while (rows.children.length > MAX_ROWS) rows.removeChild(rows.lastChild);
    journalEmpty.hidden = rows.children.length > 0;
    journalCounts.textContent =
      rows.children.length + ' shown; ' + answer.inFlight + ' in flight; ' + answer.dropped + ' dropped';
  }

  function restartJournal() {
    generation += 1;
    after = 0;
    rows.replaceChildren();
    pollJournal().catch(showPollError);
  }
  filters.addEventListener('input', restartJournal);
  filters.addEventListener('submit', (event) => event.preventDefault());

  // ---- Reset ----
  document.getElementById('reset').addEventListener('click', async () => {
    if (!window.confirm('Reset tenant ' + tenant + '? Its imports, executions, journal and coverage are forgotten.')) return;
    const response = await fetch('/__mock/reset', { method: 'POST', headers });
    if (!response.ok) {
      pollStatus.textContent = 'Reset failed: ' + response.status;
      return;
    }
    window.location.reload();
  });

  // ---- Polling, while the page is visible ----
  function showPollError(error) {
    pollStatus.textContent = 'The mock did not answer (' + error.message + '); retrying.';
  }
  const refreshed = Array.from(document.querySelectorAll('section[data-refresh]'));
  async function tick() {
    if (!document.hidden) {
      try {
        await Promise.all([pollJournal(), ...refreshed.map(refreshSection)]);
        pollStatus.textContent = '';
      } catch (error) {
        showPollError(error);
      }
    }
    window.setTimeout(tick, every);
  }
  tick();
})();
`;
