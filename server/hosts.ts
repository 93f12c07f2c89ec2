/** The Actito API hosts (confirmed); one mock serves them all. */
export const ACTITO_HOSTS = [
  'https://api.actito.com',
  'https://api1.actito.com',
  'https://api3.actito.com',
  'https://api-pre1.actito.com',
] as const;
