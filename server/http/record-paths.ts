/** Where Actito's clients call the profile APIs: the current root, the newer page's, the SDK's legacy root. */
export const PROFILE_PREFIXES = [
  '/v4/entity',
  '/profiles/v4/entity',
  '/ActitoWebServices/ws/v4/entity',
] as const;
/** Where they call the custom-record APIs. */
export const RECORD_PREFIXES = [
  '/v4/entity',
  '/custom-data/v4/entity',
  '/ActitoWebServices/ws/v4/entity',
] as const;
/** The V5 profile APIs (modelled). */
export const V5_PROFILE_PREFIXES = ['/v5/entities', '/profiles/v5/entities'] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const V4_ROOTS = [...new Set([...PROFILE_PREFIXES, ...RECORD_PREFIXES])].map(escapeRegExp).join('|');
const V5_ROOTS = V5_PROFILE_PREFIXES.map(escapeRegExp).join('|');
const SINGLE_RECORD = new RegExp(
  `^(?:(?:${V4_ROOTS})/[^/]+/(?:table/[^/]+/profile|customTable/[^/]+/record)(?:/|$)|(?:${V5_ROOTS})/[^/]+/profile-tables/[^/]+/profiles/?$)`,
);

/**
 * Whether a path is one of the single-record data APIs: they take HTTP Basic besides a bearer
 * token, and the V4 imports' sunset does not touch them (Actito removed the V4 imports, not these).
 */
export function isSingleRecordPath(path: string): boolean {
  return SINGLE_RECORD.test(path);
}
