// Debian's Chromium driven by playwright-core (never a downloaded browser), with every request
// that leaves the machine recorded so tests can assert there are none. Playwright gives every
// launch a fresh temporary profile (user data dir) and removes it on close.
import * as fs from 'node:fs'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'

export const CHROMIUM = process.env.SPOTTER_CHROMIUM ?? '/usr/bin/chromium'

export interface TestBrowser {
  browser: Browser
  context: BrowserContext
  /** Requests to anything but loopback hosts that reached the network, in order (method and URL). */
  external: string[]
  /** Requests the page's Content-Security-Policy stopped before they were sent. */
  blockedByCsp: string[]
  /** Console errors and page errors, for diagnosing a failure. */
  errors: string[]
  newPage(): Promise<Page>
  close(): Promise<void>
}

const LOOPBACK = /^(localhost|[a-z0-9-]+\.localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i

export function isLoopbackUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true
  try {
    return LOOPBACK.test(new URL(url).hostname)
  } catch {
    return false
  }
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      '--disable-dev-shm-usage',
    ],
  })
  return {...(await watchedContext(browser)), close: () => browser.close()}
}

/**
 * Another person at another computer in the same browser process: a fresh context (its own
 * storage, so its own sign-in), recorded like the first. close() closes only this context.
 */
export async function launchContext(from: TestBrowser): Promise<TestBrowser> {
  const watched = await watchedContext(from.browser)
  return {...watched, close: () => watched.context.close()}
}

async function watchedContext(browser: Browser): Promise<Omit<TestBrowser, 'close'>> {
  const context = await browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1400, height: 900}})
  const external: string[] = []
  const errors: string[] = []
  const blockedByCsp: string[] = []
  // Only requests the browser really sends reach the router (CSP-blocked ones never do). Anything
  // off the machine is recorded and fails at once instead of waiting for a network timeout.
  await context.route(
    (url) => !isLoopbackUrl(url.href),
    (route) => {
      external.push(`${route.request().method()} ${route.request().url()}`)
      return route.abort('internetdisconnected')
    },
  )
  context.on('weberror', (e) => errors.push(`pageerror: ${e.error().message}`))
  return {
    browser,
    context,
    external,
    blockedByCsp,
    errors,
    async newPage() {
      const page = await context.newPage()
      page.on('console', (message) => {
        const text = message.text()
        const blocked =
          /^(?:Loading the [\w ]+|Connecting to) '([^']+)' violates the following Content Security Policy/.exec(text) ??
          /^Fetch API cannot load (\S+)\. Refused to connect because it violates/.exec(text)
        if (blocked) blockedByCsp.push(blocked[1]!)
        else if (message.type() === 'error') errors.push(`console: ${text}`)
      })
      page.on('response', async (response) => {
        if (response.status() < 400) return
        const request = response.request()
        const body =
          request.method() === 'GET'
            ? ''
            : ` ${request.postData()?.slice(0, 500) ?? ''} -> ${(await response.text().catch(() => '')).slice(0, 500)}`
        errors.push(`http ${response.status()}: ${request.method()} ${response.url()}${body}`)
      })
      return page
    },
  }
}
