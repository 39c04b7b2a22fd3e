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

/**
 * Runs one stage of a browser test, failing with its label when it takes longer than `ms`.
 * Playwright's evaluate and keyboard calls have no timeout of their own, so without this a stuck
 * page shows up only as the whole test timing out, with no word of where.
 */
export async function stage<T>(label: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stage "${label}" did not finish in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([run(), late])
  } finally {
    clearTimeout(timer)
  }
}
