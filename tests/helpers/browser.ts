import { chromium, type Browser } from 'playwright-core'
import { onTestFinished } from 'vitest'

/** Debian's Chromium: installed by tests/setup/ensure-chromium.mjs when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Launches headless Chromium with this machine's flags; closed when the test finishes. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  onTestFinished(() => browser.close())
  return browser
}
