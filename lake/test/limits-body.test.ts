// Request bodies: a Content-Length over the limit is refused before the body is read, a streamed
// body is refused as it passes the limit, and requests without a token get hosted's 300 KB query
// limit while a token keeps the larger one.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import * as net from 'node:net'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {rawResponse} from './limits-helpers.ts'

const queryPath = '/v2025-02-19/data/query/production'

/** A valid query body of about `bytes` bytes (the size is in a parameter). */
const queryBody = (bytes: number) => JSON.stringify({query: 'count(*) + 0 * length($pad)', params: {pad: 'x'.repeat(bytes)}})

describe('request body limits', () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    lake = await spawnLake()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('refuses a Content-Length over the limit without waiting for the body', async () => {
    const head = [
      `POST ${queryPath} HTTP/1.1`,
      `Host: 127.0.0.1:${lake.port}`,
      'Content-Type: application/json',
      `Content-Length: ${100 * 1024 * 1024}`,
      '',
      '',
    ].join('\r\n')
    // Only the first bytes of the announced 100 MiB ever arrive.
    const anonymous = await rawResponse(lake.url, head, '{"query": "*"', 5_000)
    expect(anonymous.status).toBe(413)
    const withToken = await rawResponse(
      lake.url,
      head
        .replace('Content-Type', `Authorization: Bearer ${lake.readToken}\r\nContent-Type`)
        .replace(String(100 * 1024 * 1024), String(101 * 1024 * 1024)),
      '{',
      5_000,
    )
    expect(withToken.status).toBe(413)
  })

  it('gives requests without a token a 300 KB body limit, in the hosted error shape', async () => {
    const response = await fetch(`${lake.url}${queryPath}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: queryBody(400_000),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: {description: 'Request body exceeds limit of 300000 bytes', type: 'payloadTooLargeError', limit: 300_000},
      message: 'Request body exceeds limit of 300000 bytes',
      statusCode: 413,
    })
    // Below it, anonymous queries are answered.
    const small = await fetch(`${lake.url}${queryPath}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: queryBody(200_000),
    })
    expect(small.status).toBe(200)
  })

  it('keeps the larger limit for a token, through @sanity/client', async () => {
    const client = lake.client({token: lake.readToken})
    expect(await client.fetch('count(*) + 0 * length($pad)', {pad: 'x'.repeat(400_000)})).toBe(0)
    const anonymous = lake.client({token: undefined})
    await expect(anonymous.fetch('count(*) + 0 * length($pad)', {pad: 'x'.repeat(400_000)})).rejects.toMatchObject({
      statusCode: 413,
    })
  })

  it('refuses a streamed body without Content-Length as soon as it passes the limit', async () => {
    const head = [
      `POST ${queryPath} HTTP/1.1`,
      `Host: 127.0.0.1:${lake.port}`,
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n')
    const {status, sent} = await streamUntilAnswered(lake.url, head, 64 * 1024 * 1024)
    expect(status).toBe(413)
    // Refused near the 300 KB limit (plus what the socket buffers held), not after 64 MiB.
    expect(sent).toBeLessThan(16 * 1024 * 1024)
  })
})

/** Sends `head`, then 64 KiB chunks (chunked encoding) until a response arrives or `max` bytes went out. */
function streamUntilAnswered(url: string, head: string, max: number): Promise<{status: number; sent: number}> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    const chunk = Buffer.from(`10000\r\n${'x'.repeat(0x10000)}\r\n`)
    let sent = 0
    let answered = false
    socket.once('data', (data) => {
      answered = true
      socket.destroy()
      resolve({status: Number(data.toString('latin1').split(' ')[1]), sent})
    })
    socket.on('error', (error) => {
      if (!answered) reject(error)
    })
    // One chunk at a time, each after the last was flushed and pending events ran: the answer is
    // read within a chunk or two of its arrival, long before the lake stops draining the body
    // (1 MiB past the limit) and closes, which would otherwise race it with EPIPE.
    const pump = () => {
      if (answered || sent >= max) return
      sent += 0x10000
      socket.write(chunk, () => setImmediate(pump))
    }
    socket.write(`${head}1\r\n{\r\n`)
    pump()
  })
}
