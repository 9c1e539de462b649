// Shared by the request-limit tests: queries that run long, values nested deep, raw HTTP.
import * as net from 'node:net'

/**
 * Nested subqueries, each reading its parent row (so none can be evaluated once): groq-js needs
 * about 6^(levels+1) steps over six documents of type "test"; 10 levels run for minutes.
 */
export function slowQuery(levels = 10): string {
  let query = '*[_id >= "c" && _type == "test" && ^._id != "none"][]._id'
  for (let i = 0; i < levels; i++) query = `*[_id in ${query} && ^._id != "none"][]._id`
  return `*[_id in ${query}] | order(_id)[]._id`
}

/** `{"a": {"a": ... "x"}}`, `depth` objects deep, built without recursion. */
export function nested(depth: number, leaf: unknown = 'x'): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = {a: value}
  return value
}

/**
 * Sends raw bytes over TCP and resolves with the status line and headers of the first response
 * (or rejects when none comes within `timeoutMs`). For requests fetch cannot make, such as a
 * Content-Length that the body never reaches.
 */
export function rawResponse(url: string, head: string, body: Buffer | string, timeoutMs: number): Promise<{status: number; text: string}> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let received = ''
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`No response within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      clearTimeout(timer)
      socket.destroy()
      resolve({status: Number(received.split(' ')[1]), text: received})
    })
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.write(head)
    socket.write(body)
  })
}
