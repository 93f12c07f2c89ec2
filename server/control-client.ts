import type {
  AdvanceRequest,
  AdvanceResponse,
  HealthResponse,
  ProgressionPolicy,
  ProgressionSettings,
  RecordKind,
  ResetResponse,
} from '../contracts/control.js';
import type { ErrorEnvelope } from '../contracts/errors.js';

/** The mock's control plane, with the same methods in-process and against a running server. */
export interface MockControl {
  health(): Promise<HealthResponse>;
  /** Forgets everything of this tenant (or one entity of it) and starts again from the fixture. */
  reset(options?: { entity?: string }): Promise<ResetResponse>;
  setProgression(kind: RecordKind | '*', policy: ProgressionPolicy): Promise<ProgressionSettings>;
  getProgression(): Promise<ProgressionSettings>;
  /** `{ ms }` moves the mock's clock; `{}` moves every manual record one step. */
  advance(request?: AdvanceRequest): Promise<AdvanceResponse>;
  /** The same control, for another tenant. */
  forTenant(tenant: string): MockControl;
}

export type FetchLike = (request: Request) => Response | Promise<Response>;

/** Thrown by control calls the mock refused; carries the error envelope. */
export class MockControlError extends Error {
  constructor(readonly envelope: ErrorEnvelope) {
    super(`${envelope.status} ${envelope.code}: ${envelope.message}`);
    this.name = 'MockControlError';
  }
}

/** A control client over any fetch: `app.fetch` in-process, global `fetch` for a server. */
export function createControlClient(fetchLike: FetchLike, baseUrl: string, tenant?: string): MockControl {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (tenant) headers['x-mock-tenant'] = tenant;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(new URL(path, baseUrl), {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const response = await fetchLike(request);
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new MockControlError(json as ErrorEnvelope);
    return json as T;
  }
  return {
    health: () => call('GET', '/__mock/health'),
    reset: (options = {}) =>
      call(
        'POST',
        options.entity ? `/__mock/reset?entity=${encodeURIComponent(options.entity)}` : '/__mock/reset',
      ),
    setProgression: (kind, policy) => call('PUT', '/__mock/progression', { kind, policy }),
    getProgression: () => call('GET', '/__mock/progression'),
    advance: (request = {}) => call('POST', '/__mock/advance', request),
    forTenant: (name) => createControlClient(fetchLike, baseUrl, name),
  };
}

/** Control of a running actito-mock server or container, e.g. `connectActitoMock('http://127.0.0.1:8080')`. */
export function connectActitoMock(baseUrl: string, options: { tenant?: string } = {}): MockControl {
  return createControlClient((request) => fetch(request), baseUrl, options.tenant);
}
