// How much of the main thread point reads (point-read.ts) may take. Each is capped, but many
// arriving at once could still crowd out commits, other requests and the hand-off to the query
// threads. So their time is a debt that is paid back at half the clock's pace: point reads may run
// while it is under BURST_MS, which holds them to half of the main thread over any stretch longer
// than a burst. Past it, the pool answers them until the debt is back under.

/** How much of the main thread point reads may take, on average. */
const SHARE = 0.5
/** How far point reads may run ahead of their share. */
const BURST_MS = 200

export class MainThreadShare {
  private debt = 0
  private at = Number.NEGATIVE_INFINITY

  /** Whether a point read may run now. */
  available(now = performance.now()): boolean {
    this.settle(now)
    return this.debt < BURST_MS
  }

  /** Counts a point read that took `ms` (answered or not). */
  charge(ms: number, now = performance.now()): void {
    this.settle(now)
    this.debt += ms
  }

  private settle(now: number): void {
    this.debt = Math.max(0, this.debt - (now - this.at) * SHARE)
    this.at = now
  }
}

/** One main thread per process, shared by every dataset's engine. */
export const mainThreadShare = new MainThreadShare()
