// React's static markup as the HTML entry writes it: React spells srcSet in camelCase, hoists a
// preload link for eager images and escapes ' as &#x27;. Everything else must be the same.
export function reactAsHtml(markup: string): string {
  return markup
    .replace(/<link rel="preload"[^>]*\/>/g, '')
    .replaceAll(' srcSet=', ' srcset=')
    .replaceAll('&#x27;', '&#39;')
}
