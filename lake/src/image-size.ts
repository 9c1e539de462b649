// Image dimensions read from the file header (PNG, JPEG, GIF, WebP), enough for asset ids
// (`image-<sha1>-WxH-ext`) and `metadata.dimensions`.

export interface ImageInfo {
  width: number
  height: number
  extension: 'png' | 'jpg' | 'gif' | 'webp'
  mimeType: string
  hasAlpha: boolean
}

export function readImageInfo(buf: Buffer): ImageInfo | null {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) {
    // IHDR follows the 8-byte signature: width, height, bit depth, colour type.
    const colorType = buf[25] ?? 0
    return {
      width: buf.readUInt32BE(16),
      height: buf.readUInt32BE(20),
      extension: 'png',
      mimeType: 'image/png',
      hasAlpha: colorType === 4 || colorType === 6,
    }
  }
  if (buf.length >= 10 && buf.toString('latin1', 0, 4) === 'GIF8') {
    return {width: buf.readUInt16LE(6), height: buf.readUInt16LE(8), extension: 'gif', mimeType: 'image/gif', hasAlpha: true}
  }
  if (buf.length >= 30 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return readWebp(buf)
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) return readJpeg(buf)
  return null
}

function readWebp(buf: Buffer): ImageInfo | null {
  const chunk = buf.toString('latin1', 12, 16)
  const base = {extension: 'webp' as const, mimeType: 'image/webp'}
  if (chunk === 'VP8 ') {
    return {...base, width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff, hasAlpha: false}
  }
  if (chunk === 'VP8L') {
    const bits = buf.readUInt32LE(21)
    return {...base, width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, hasAlpha: ((bits >> 28) & 1) === 1}
  }
  if (chunk === 'VP8X') {
    const flags = buf[20] ?? 0
    return {...base, width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1, hasAlpha: (flags & 0x10) !== 0}
  }
  return null
}

function readJpeg(buf: Buffer): ImageInfo | null {
  let offset = 2
  while (offset + 9 < buf.length) {
    if (buf[offset] !== 0xff) return null
    const marker = buf[offset + 1] ?? 0
    if (marker === 0xff) {
      offset++
      continue
    }
    const length = buf.readUInt16BE(offset + 2)
    // Start-of-frame markers (C0-CF except DHT C4, JPG C8, DAC CC) carry the dimensions.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: buf.readUInt16BE(offset + 5),
        width: buf.readUInt16BE(offset + 7),
        extension: 'jpg',
        mimeType: 'image/jpeg',
        hasAlpha: false,
      }
    }
    offset += 2 + length
  }
  return null
}
