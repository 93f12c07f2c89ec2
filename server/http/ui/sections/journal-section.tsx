import type { UiSection } from '../ui-section.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'];

/**
 * The request journal, live: the server renders the filters and an empty table; the page script
 * polls GET /__mock/journal?after=<seq> with them and adds rows with textContent only, so a path
 * or a definition sent by a client can never become markup.
 */
export const journalSection: UiSection = {
  id: 'journal',
  title: 'Journal (live)',
  refresh: false,
  render() {
    return (
      <>
        <form id="journal-filters" class="filters">
          <label>
            Method{' '}
            <select name="method">
              <option value="">any</option>
              {METHODS.map((method) => (
                <option value={method}>{method}</option>
              ))}
            </select>
          </label>
          <label>
            Path <input name="path" placeholder="/mass-imports/v5/**" size={28} />
          </label>
          <label>
            Status{' '}
            <select name="status">
              <option value="">any</option>
              {STATUS_CLASSES.map((status) => (
                <option value={status}>{status}</option>
              ))}
            </select>
          </label>
          <span class="muted" id="journal-counts" />
        </form>
        <p class="error" id="journal-error" hidden />
        <table class="journal">
          <thead>
            <tr>
              <th>#</th>
              <th>Time</th>
              <th>Request</th>
              <th>Status</th>
              <th>Operation</th>
              <th>ms</th>
              <th>Upload</th>
              <th>Entry</th>
            </tr>
          </thead>
          <tbody id="journal-rows" />
        </table>
        <p class="empty" id="journal-empty" data-empty="journal">
          No request matches yet. Control requests (/__mock/...) are never journaled.
        </p>
      </>
    );
  },
};
