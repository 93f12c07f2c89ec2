import type { HtmlEscapedString } from 'hono/utils/html';
import type { UiSectionId } from '../../../contracts/ui.js';
import type { MockCore } from '../../domain/mock-core.js';
import type { Tenant } from '../../domain/tenant.js';
import type { OperationNames } from '../operation-names.js';

/** What a section may read: the same presenters the control routes answer with. */
export interface UiContext {
  core: MockCore;
  tenant: Tenant;
  operations: OperationNames;
}

/**
 * One topic of the dashboard. The page renders every section in order; those with `refresh`
 * are fetched again every second from /__mock/ui/sections/{id} and swapped in when they changed.
 */
export interface UiSection {
  id: UiSectionId;
  title: string;
  /** Re-rendered by the server while the page is open (the journal streams its own rows instead). */
  refresh: boolean;
  render(context: UiContext): HtmlEscapedString | Promise<HtmlEscapedString>;
}
