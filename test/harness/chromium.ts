// Debian's chromium driven by playwright-core (no browser download needed).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findOnPath } from './codeServerInstall';

export interface Chromium {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  const onPath = findOnPath('chromium') ?? findOnPath('chromium-browser') ?? findOnPath('google-chrome');
  if (onPath) return onPath;
  throw new Error('Chromium not found. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).');
}

export async function launchChromium(opts: { viewport?: { width: number; height: number }; headless?: boolean } = {}): Promise<Chromium> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: opts.headless ?? true, args: FLAGS });
  try {
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    let closed: Promise<void> | undefined;
    return {
      browser,
      context,
      page,
      close() {
        closed ??= browser.close().catch(() => undefined);
        return closed;
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
