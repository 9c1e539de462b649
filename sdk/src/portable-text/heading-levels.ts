// Heading levels for the custom blocks of a Portable Text body. A block embedded in the body (an
// exercise card or guide) opens with a heading one level below the section it sits in: under an
// h2 it is an h3, before the body's first heading it is a section of its own (the body's top
// level). So an article's outline never skips a level, whatever order the editor chose.

/** A heading level, h2 to h6 (h1 is the page's title). */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6

/** Clamps any number to a heading level an embed may open with. */
export function headingLevel(level: number): HeadingLevel {
  return Math.min(6, Math.max(2, Math.round(level))) as HeadingLevel
}

/**
 * The heading level of each keyed custom block of `body`: one below the last heading before it,
 * or `top` (the level of the body's own sections) before any heading.
 */
export function embedHeadingLevels(body: unknown, top: HeadingLevel = 2): Map<string, HeadingLevel> {
  const levels = new Map<string, HeadingLevel>()
  let current = top - 1
  for (const block of Array.isArray(body) ? body : []) {
    if (typeof block !== 'object' || block === null) continue
    const {_type, _key, style, listItem} = block as Record<string, unknown>
    const heading = _type === 'block' && !listItem && typeof style === 'string' ? /^h([1-6])$/.exec(style) : null
    if (heading) current = Number(heading[1])
    else if (_type !== 'block' && typeof _key === 'string') levels.set(_key, headingLevel(current + 1))
  }
  return levels
}
