import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; CHROMIUM_PATH points elsewhere (another OS). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that work on these machines (docs: the machine doc's Chromium notes): no sandbox as root,
 * no GPU, and no background networking, which the closed network here would refuse.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium driven by playwright-core; fails, never skips, when the browser is missing. */
export async function launchChromium(path: string = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not at ${path}: install it with "apt-get update && apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  // playwright-core adds --headless and a fresh profile folder of its own.
  return chromium.launch({ executablePath: path, args: FLAGS, headless: true });
}
