// A self-signed certificate for localhost, *.localhost and 127.0.0.1, made at first start and
// kept in the data dir, so browsers can speak HTTP/2 (TLS only) to the lake.
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface TlsFiles {
  cert: string
  key: string
  certPath: string
}

export async function ensureCertificate(dataDir: string): Promise<TlsFiles> {
  const dir = path.join(dataDir, 'tls')
  const certPath = path.join(dir, 'cert.pem')
  const keyPath = path.join(dir, 'key.pem')
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    return {cert: fs.readFileSync(certPath, 'utf8'), key: fs.readFileSync(keyPath, 'utf8'), certPath}
  }
  // Loaded only when a certificate must be made: it is slow to import.
  const {generate} = await import('selfsigned')
  const pems = await generate([{name: 'commonName', value: 'localhost'}], {
    notAfterDate: new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000),
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
      {name: 'extKeyUsage', serverAuth: true},
      {
        name: 'subjectAltName',
        altNames: [
          {type: 2, value: 'localhost'},
          {type: 2, value: '*.localhost'},
          {type: 7, ip: '127.0.0.1'},
          {type: 7, ip: '::1'},
        ],
      },
    ],
  })
  fs.mkdirSync(dir, {recursive: true})
  fs.writeFileSync(keyPath, pems.private, {mode: 0o600})
  fs.writeFileSync(certPath, pems.cert)
  return {cert: pems.cert, key: pems.private, certPath}
}
