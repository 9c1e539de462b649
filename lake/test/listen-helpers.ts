// Collects listener events from a real @sanity/client listen() subscription.
import type {SanityClient} from '@sanity/client'

export interface Collected {
  events: Array<Record<string, unknown>>
  welcome: Promise<void>
  /** Resolves once `count` mutation events have arrived (or rejects after a timeout). */
  waitFor(count: number, timeoutMs?: number): Promise<Array<Record<string, unknown>>>
  close(): void
}

export function collect(
  client: SanityClient,
  query: string,
  params: Record<string, unknown> = {},
  options: Record<string, unknown> = {},
): Collected {
  const events: Array<Record<string, unknown>> = []
  const waiters: Array<() => void> = []
  let welcomed: () => void = () => {}
  let failed: (err: unknown) => void = () => {}
  const welcome = new Promise<void>((resolve, reject) => {
    welcomed = resolve
    failed = reject
  })
  const subscription = client.listen(query, params, {events: ['welcome', 'mutation'], ...options} as never).subscribe({
    next: (event: Record<string, unknown>) => {
      if (event.type === 'welcome') welcomed()
      else events.push(event)
      for (const w of waiters.splice(0)) w()
    },
    error: (err: unknown) => failed(err),
  })
  return {
    events,
    welcome,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Timed out waiting for ${count} events; got ${JSON.stringify(events, null, 1)}`)),
          timeoutMs,
        )
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer)
            resolve(events.slice(0, count))
          } else waiters.push(check)
        }
        check()
      })
    },
    close: () => subscription.unsubscribe(),
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
