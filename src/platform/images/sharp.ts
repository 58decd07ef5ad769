import type SharpModule from 'sharp'

export type Sharp = typeof SharpModule

let loaded: Promise<Sharp> | null = null

/**
 * sharp, loaded at the first image drawn or received rather than at start: libvips and its
 * module hold about 30 MB of memory, which a process that serves no upload and no app icon
 * (most of them, most of the time) never needs.
 */
export function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then((module) => module.default)
  return loaded
}
