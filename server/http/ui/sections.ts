import type { UiSectionId } from '../../../contracts/ui.js';
import { UI_SECTION_IDS } from '../../../contracts/ui.js';
import { coverageSection } from './sections/coverage-section.js';
import { etlsSection } from './sections/etls-section.js';
import { journalSection } from './sections/journal-section.js';
import { recordsSection } from './sections/records-section.js';
import { settingsSection } from './sections/settings-section.js';
import { tenantsSection } from './sections/tenants-section.js';
import { webhooksSection } from './sections/webhooks-section.js';
import { writesSection } from './sections/writes-section.js';
import type { UiSection } from './ui-section.js';

/**
 * Every section of the dashboard, by id. To add one: its id in contracts/ui.ts (page order), a
 * file in sections/ exporting a UiSection, one line here.
 */
const SECTIONS: Record<UiSectionId, UiSection> = {
  records: recordsSection,
  writes: writesSection,
  etls: etlsSection,
  webhooks: webhooksSection,
  journal: journalSection,
  coverage: coverageSection,
  settings: settingsSection,
  tenants: tenantsSection,
};

export const UI_SECTIONS: readonly UiSection[] = UI_SECTION_IDS.map((id) => SECTIONS[id]);

export function uiSection(id: string): UiSection | undefined {
  return (UI_SECTION_IDS as readonly string[]).includes(id) ? SECTIONS[id as UiSectionId] : undefined;
}
