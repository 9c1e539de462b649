// How much of the main thread point reads (point-read.ts) may take. Each is capped, but many
// arriving at once could still crowd out commits, other requests and the hand-off to the query
// threads. So the time point reads spend beyond what a cheap lookup takes (FREE_MS each) may add
// up to at most SHARE_MS in every WINDOW_MS; past that, the pool answers them until the next window.

const FREE_MS = 1
const SHARE_MS = 250
const WINDOW_MS = 1000

export class MainThreadShare {
  private windowStart = Number.NEGATIVE_INFINITY
  private spent = 0

  /** Whether a point read may run now. */
  available(now = performance.now()): boolean {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now
      this.spent = 0
    }
    return this.spent < SHARE_MS
  }

  /** Counts a point read that took `ms` (answered or not). */
  charge(ms: number): void {
    this.spent += Math.max(0, ms - FREE_MS)
  }
}

/** One main thread per process, shared by every dataset's engine. */
export const mainThreadShare = new MainThreadShare()
