// Fields an editor fills that are not for readers: the SDK never queries them, so no site,
// feed or partner shows them. Every other field of the types the SDK renders is queried
// (sdk/test/field-coverage.test.ts holds both to the compiled schema).
export const EDITORIAL_ONLY: Readonly<Record<string, string>> = {
  'citation.sourceNote': 'an editor\'s note on where a claim comes from ("The article does not name the source"), for fact-checking; readers see the claim and any named source',
  'disclaimer.title': 'the disclaimer\'s internal name, for picking it in the Studio ("Consult your physician (lower back injuries)"); readers see its text',
  'creditedImage.media': 'the Studio\'s link to the image in Sanity\'s Media Library, set by the asset picker; readers get the image through `asset`',
}
