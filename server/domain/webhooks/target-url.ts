/** Hosts a test's own receiver listens on: plain HTTP to them is always accepted. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Why a subscription may not POST to `targetUrl`, or null when it may. Actito enforces HTTPS; the
 * mock also takes http:// to a loopback host (a receiver the test started) and, with the setting
 * `allowHttpTargets`, to any host (a receiver in another container).
 */
export function targetUrlProblem(targetUrl: string, allowHttpTargets: boolean): string | null {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return `"${targetUrl}" is not an absolute URL; give one such as https://hooks.example.com/actito`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `the scheme ${url.protocol} is not supported; use https://`;
  // fetch refuses a URL with credentials, so every delivery to it would fail.
  if (url.username !== '' || url.password !== '')
    return 'a target URL cannot carry credentials (user:password@); send them in headers, such as Authorization';
  if (url.protocol === 'https:') return null;
  if (isLoopback(url.hostname) || allowHttpTargets) return null;
  return `Actito only POSTs to https:// targets; use https://, or http:// to a loopback host (127.0.0.1, localhost), or set the mock's webhook setting allowHttpTargets`;
}
