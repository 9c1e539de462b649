// sharp (libvips) adds about 30 MB to the process once loaded: a lake loads it with the first
// image it transforms or reads metadata of, so one that serves no images never pays for it.
import type SharpModule from 'sharp'

let loaded: Promise<typeof SharpModule> | undefined

export function loadSharp(): Promise<typeof SharpModule> {
  loaded ??= import('sharp').then((module) => module.default)
  return loaded
}
