import { z } from 'zod';
import { fidelity } from './fidelity.js';

/**
 * The sections of the dashboard at /__mock/ui, in page order. A feature that adds one lists its
 * id here and its renderer in server/http/ui/sections.ts (the compiler checks both agree).
 */
export const UI_SECTION_IDS = [
  'records',
  'writes',
  'etls',
  'webhooks',
  'journal',
  'coverage',
  'settings',
  'tenants',
] as const;

export const UiSectionId = z
  .enum(UI_SECTION_IDS)
  .meta(fidelity('modelled', 'A section of the dashboard page.'));
export type UiSectionId = z.infer<typeof UiSectionId>;

export const UiSectionPath = z
  .object({ section: UiSectionId })
  .meta(fidelity('modelled', 'Path parameter naming a dashboard section.'));
export type UiSectionPath = z.infer<typeof UiSectionPath>;

// Typed as bytes like the other non-JSON bodies (files), so one contract check reads them all.
export const DashboardHtml = z.instanceof(Uint8Array).meta({
  contentMediaType: 'text/html',
  ...fidelity(
    'modelled',
    "The dashboard, an HTML page rendered by the mock's server; no script from elsewhere.",
  ),
});
export type DashboardHtml = z.infer<typeof DashboardHtml>;
