// What the Studio end-to-end tests start from: a fresh stack (seeded lake, built Studio, club
// site) and Chromium with the Studio open and signed in with the lake's write token.
import type {Page} from 'playwright-core'
import {launchBrowser, type TestBrowser} from './browser.ts'
import {startStack, type Stack} from './stack.ts'
import {openStudio} from './studio-ui.ts'

export interface StudioSession {
  stack: Stack
  browser: TestBrowser
  /** The signed-in Studio's page (30 s timeouts). */
  studio: Page
}

/** Starts both at once; `onPage` sees the page before the Studio loads (e.g. to listen to its console). */
export async function startStudioSession(options: {onPage?: (page: Page) => void} = {}): Promise<StudioSession> {
  const [stack, browser] = await Promise.allSettled([startStack(), launchBrowser()])
  if (stack.status === 'rejected' || browser.status === 'rejected') {
    // One started without the other: stop it, so a failed start leaves nothing running.
    await closeStudioSession({
      ...(stack.status === 'fulfilled' ? {stack: stack.value} : {}),
      ...(browser.status === 'fulfilled' ? {browser: browser.value} : {}),
    })
    throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason
  }
  const studio = await browser.value.newPage()
  studio.setDefaultTimeout(30_000)
  options.onPage?.(studio)
  await openStudio(studio, stack.value.studio.url, stack.value.lake.writeToken)
  return {stack: stack.value, browser: browser.value, studio}
}

/** Closes what started (also after a failed start); SPOTTER_E2E_DEBUG=1 prints the browser's errors first. */
export async function closeStudioSession(session: Partial<StudioSession> | undefined): Promise<void> {
  if (process.env.SPOTTER_E2E_DEBUG) console.log(session?.browser?.errors.join('\n'))
  await session?.browser?.close()
  await session?.stack?.close()
}
