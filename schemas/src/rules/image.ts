import type {CustomValidator} from 'sanity'

export const ALT_TEXT_MESSAGE = 'Describe the image for people who cannot see it (alt text). Every image needs alt text.'
export const CREDIT_MESSAGE = 'Credit the image as it must be printed, e.g. "Photographer/Agency". Every image needs a credit.'

/** An image object with text fields but no uploaded file renders nothing; say so instead. */
export const requireAsset: CustomValidator<{asset?: {_ref?: string}} | undefined> = (value) => {
  if (!value || value.asset?._ref) return true
  return {code: 'spotter.image-asset', message: 'Upload or choose the image file itself.'}
}
