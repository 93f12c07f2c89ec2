import type { WebhookSettings, WebhookSettingsUpdate } from '../../../contracts/webhooks.js';
import { WebhookSettings as WebhookSettingsSchema } from '../../../contracts/webhooks.js';

/**
 * How the mock delivers webhooks unless told otherwise (modelled: Actito publishes no retry
 * policy): HTTPS only (loopback excepted), 10 s to answer, then 5 retries over about 13 minutes
 * of the mock clock.
 */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = Object.freeze({
  allowHttpTargets: false,
  timeoutMs: 10_000,
  retryDelaysMs: Object.freeze([1_000, 5_000, 30_000, 120_000, 600_000]) as number[],
});

export function webhookSettings(
  update: WebhookSettingsUpdate = {},
  base = DEFAULT_WEBHOOK_SETTINGS,
): WebhookSettings {
  return {
    allowHttpTargets: update.allowHttpTargets ?? base.allowHttpTargets,
    timeoutMs: update.timeoutMs ?? base.timeoutMs,
    retryDelaysMs: [...(update.retryDelaysMs ?? base.retryDelaysMs)],
  };
}

/**
 * Parses the env var form, a comma list: `allowHttpTargets` (or `=true`/`=false`),
 * `timeoutMs=2000`, `retryDelaysMs=1000/5000/30000` (`none`: no retry).
 */
export function parseWebhookSettings(text: string): WebhookSettingsUpdate {
  const update: Record<string, unknown> = {};
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name = '', value] = item.split('=').map((part) => part.trim());
    if (name === 'allowHttpTargets' && (value === undefined || value === 'true' || value === 'false')) {
      update.allowHttpTargets = value !== 'false';
    } else if (name === 'timeoutMs' && value !== undefined) {
      update.timeoutMs = Number(value);
    } else if (name === 'retryDelaysMs' && value !== undefined) {
      update.retryDelaysMs = value === 'none' ? [] : value.split('/').map(Number);
    } else {
      throw new TypeError(
        `invalid webhook settings "${text}": "${item}" is not one of allowHttpTargets[=true|false], timeoutMs=<ms>, retryDelaysMs=<ms>/<ms>/... or retryDelaysMs=none`,
      );
    }
  }
  const parsed = WebhookSettingsSchema.partial().safeParse(update);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`invalid webhook settings "${text}": ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
