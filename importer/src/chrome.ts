// Page chrome: what a site wraps around an article (navigation, share and follow prompts,
// newsletter and cookie boxes, comments, ads, trackers, "related posts", footers). Removed from the
// DOM by element and class name, and from the blocks by what a line says.
const CHROME_TAGS = 'nav, footer, aside, form, script, style, noscript, iframe, button, svg, template, select, input, textarea, dialog'
const CHROME_NAME =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|follow|newsletter|subscribe|signup|cookies?|consent|gdpr|banner|ads?|advert\w*|sponsor\w*|promo\w*|related|recommended|comments?|disqus|sidebar|footer|widget|tracker|badge|popup|modal|masthead|site-header)(?:$|[-_\s])/i

interface Element {
  tagName: string
  className?: string
  id?: string
  closest(selector: string): Element | null
  remove(): void
  getAttribute(name: string): string | null
}
interface Document {
  querySelectorAll(selector: string): Iterable<Element>
}

/** Removes chrome elements from a parsed page. */
export function stripChromeElements(doc: Document): void {
  for (const el of [...doc.querySelectorAll(CHROME_TAGS)]) el.remove()
  // A page header outside the article is site chrome; a header inside it holds the title.
  for (const el of [...doc.querySelectorAll('header')]) if (!el.closest('article, main')) el.remove()
  for (const el of [...doc.querySelectorAll('[class], [id], [role], [aria-label]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`
    if (CHROME_NAME.test(names) || /^(?:navigation|banner|contentinfo|complementary)$/.test(el.getAttribute('role') ?? '')) el.remove()
  }
}

/** A line that is chrome whatever the markup: prompts, counters, badges. */
export const CHROME_LINE =
  /^(?:comments are closed\.?|leave a (?:comment|reply)|\d+\s+comments?|no comments(?: yet)?|please (?:follow|share)(?: and like)? us:?|share (?:this|on \w+)(?: article| post)?:?|follow us.*|video of the day|you(?:'|’)re all caught up!?|\w+ member badge|advertisement|sponsored|read more|related (?:posts|articles)|you may also like|sign up for (?:our|the) newsletter.*|subscribe(?: to our newsletter)?.*|we use cookies.*|accept(?: all)? cookies|(?:tweet|pin it|email|print)|©.*|copyright .*|all rights reserved\.?|ft\. in\.)$/i

/** A heading that opens a chrome box: everything under it up to the next heading goes too. */
export const CHROME_SECTION =
  /\b(?:calorie tracker|newsletter|related (?:posts|articles)|you may also like|comments|advertisement|sponsored|more from|trending|popular posts|share this)\b/i
