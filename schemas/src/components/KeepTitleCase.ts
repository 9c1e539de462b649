// Studio 6.16 capitalizes every word of the breadcrumb in an item's dialog with CSS ("On a floor
// mat" reads "On A Floor Mat"); these are editors' own words, so they show as written.
import {createElement as h, Fragment} from 'react'
import type {LayoutProps} from 'sanity'

export const KEEP_TITLE_CASE_CSS = ['[data-testid^="breadcrumb-item-"] [style*="capitalize"]', '[data-ui="MenuItem"] [style*="capitalize"]']
  .map((selector) => `${selector} { text-transform: none !important; }`)
  .join('\n')

export function KeepTitleCase(props: LayoutProps) {
  return h(Fragment, null, h('style', {'data-spotter': 'keep-title-case'}, KEEP_TITLE_CASE_CSS), props.renderDefault(props))
}
