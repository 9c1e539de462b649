// Server-sent events over HTTP/1.1 or HTTP/2 (where a Connection header is illegal).
import type {Response} from './context.ts'

/** What both the HTTP/1.1 and the HTTP/2 compatibility responses offer. */
interface StreamResponse {
  write(chunk: string): boolean
  end(): void
}

export class EventStream {
  private readonly res: Response
  private readonly out: StreamResponse
  private keepalive: NodeJS.Timeout | null = null
  closed = false

  constructor(res: Response, isHttp2: boolean, keepaliveMs = 15_000) {
    this.res = res
    this.out = res as unknown as StreamResponse
    res.statusCode = 200
    res.setHeader('content-type', 'text/event-stream; charset=utf-8')
    res.setHeader('cache-control', 'no-cache, no-transform')
    res.setHeader('x-accel-buffering', 'no')
    if (!isHttp2) res.setHeader('connection', 'keep-alive')
    // A lone colon, as the hosted API sends for keep-alive.
    this.keepalive = setInterval(() => this.comment(''), keepaliveMs)
    this.keepalive.unref()
    res.on('close', () => this.stop())
  }

  send(event: string, data: unknown, id?: string): void {
    if (this.closed) return
    const lines = [`event: ${event}`]
    if (id !== undefined) lines.push(`id: ${id}`)
    lines.push(`data: ${JSON.stringify(data)}`)
    this.out.write(`${lines.join('\n')}\n\n`)
  }

  comment(text: string): void {
    if (!this.closed) this.out.write(`:${text}\n\n`)
  }

  onClose(fn: () => void): void {
    this.res.on('close', fn)
  }

  end(): void {
    this.stop()
    this.out.end()
  }

  private stop(): void {
    this.closed = true
    if (this.keepalive) clearInterval(this.keepalive)
    this.keepalive = null
  }
}
