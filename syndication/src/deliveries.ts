// Sends queued deliveries to partner webhooks: signed like Sanity's webhooks (the
// `sanity-webhook-signature` header, HMAC-SHA256, verifiable with @sanity/webhook), re-signed per
// attempt, with an `idempotency-key` that stays the same across retries. Each partner gets its
// events one at a time, oldest first; a failure waits base * 2^(attempt-1) ms (capped) before the
// next try, and after maxAttempts the delivery is logged as failed (the feed still has the change).
import {encodeSignatureHeader, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import type {SyndicationStore} from './storage/store.ts'
import type {DeliveryRecord} from './types.ts'

export interface DeliveryOptions {
  baseMs: number
  maxMs: number
  maxAttempts: number
  timeoutMs: number
  /** How often the queue is checked when nothing wakes the worker. */
  pollMs: number
}

export const DEFAULT_DELIVERY: DeliveryOptions = {baseMs: 1000, maxMs: 300_000, maxAttempts: 12, timeoutMs: 10_000, pollMs: 1000}

export class DeliveryWorker {
  private readonly store: Pick<SyndicationStore, 'deliveries' | 'partners'>
  private readonly options: DeliveryOptions
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false

  constructor(store: Pick<SyndicationStore, 'deliveries' | 'partners'>, options: DeliveryOptions) {
    this.store = store
    this.options = options
  }

  start(): void {
    this.wake()
  }

  /** Checks the queue now (new changes were just queued). */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.running = this.tick()
      .catch((err: unknown) => console.error(`[syndication] delivery worker: ${(err as Error).message}`))
      .finally(() => {
        this.running = null
        if (this.stopped) return
        if (this.again) {
          this.again = false
          this.wake()
        } else {
          this.timer = setTimeout(() => this.wake(), this.options.pollMs)
        }
      })
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  private async tick(): Promise<void> {
    for (;;) {
      const due = await this.store.deliveries.claimDue(Date.now(), this.options.timeoutMs + 5000)
      if (due.length === 0 || this.stopped) return
      await Promise.all(due.map((delivery) => this.attempt(delivery)))
    }
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    const attempt = delivery.attempts + 1
    const partner = await this.store.partners.get(delivery.partnerId)
    const at = new Date()
    const started = Date.now()
    let status: number | null = null
    let error: string | null = null
    let retryAfterMs = 0
    if (!partner?.webhookUrl || !partner.webhookSecret) {
      error = 'partner has no webhook endpoint'
    } else {
      const body = JSON.stringify(delivery.event)
      try {
        const res = await fetch(partner.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Spotter syndication delivery',
            'idempotency-key': delivery.key,
            'spotter-delivery-attempt': String(attempt),
            [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), partner.webhookSecret),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        })
        status = res.status
        await res.arrayBuffer().catch(() => undefined)
        if (!res.ok) error = `HTTP ${res.status}`
        // A partner that answers 429 or 503 with Retry-After is not tried again sooner.
        if (res.status === 429 || res.status === 503) retryAfterMs = retryAfter(res.headers.get('retry-after'))
      } catch (err) {
        error = (err as Error).cause ? `${(err as Error).message}: ${((err as Error).cause as Error).message}` : (err as Error).message
      }
    }
    const delivered = status !== null && status >= 200 && status < 300
    const giveUp = !delivered && (attempt >= this.options.maxAttempts || !partner?.webhookUrl)
    const delay = Math.max(retryAfterMs, Math.min(this.options.maxMs, this.options.baseMs * 2 ** (attempt - 1)))
    await this.store.deliveries.recordAttempt(
      delivery.id,
      {attempt, at: at.toISOString(), status, error, durationMs: Date.now() - started},
      {status: delivered ? 'delivered' : giveUp ? 'failed' : 'pending', nextAttemptAt: Date.now() + delay},
    )
  }
}

/** Retry-After in ms: delay-seconds or an HTTP date; 0 when absent or unreadable. */
export function retryAfter(header: string | null): number {
  if (header === null || header.trim() === '') return 0
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now())
}
