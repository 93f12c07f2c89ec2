/** The first path segments of Actito's APIs, as the app serves them. */
const API_ROOTS = [
  'ActitoWebServices',
  'auth',
  'v4',
  'v5',
  'profiles',
  'custom-data',
  'mass-imports',
  'webhooks',
  'profile-table-structure',
  'custom-table-structure',
];

/**
 * The part of a base URL's path that is the client's own and must go before the app sees a
 * request: all of it (`/actito`), unless it ends in a path of Actito's own, which stays. A
 * client configured with `https://host/ActitoWebServices/ws/v4` (Actito's SDK) appends
 * `/entity/...`: the app needs `/ActitoWebServices/ws/v4/entity/...`; `/mock/v4` keeps `/v4`.
 */
export function clientPathOf(basePath: string): string {
  const segments = basePath.split('/').filter(Boolean);
  const api = segments.findIndex((segment) => API_ROOTS.includes(segment));
  return api < 0 ? `/${segments.join('/')}` : `/${segments.slice(0, api).join('/')}`;
}
