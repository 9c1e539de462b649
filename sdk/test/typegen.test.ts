// Sanity TypeGen, run over the real schemas and the SDK's query files, must infer the same result
// types as the SDK's zod models (assignable both ways). Slow (a Studio schema extract): ~1 minute.
import {describe, expect, it} from 'vitest'
import {checkTypegenAgreement, PAIRS} from './support/typegen.ts'

describe('TypeGen agreement', () => {
  it('generates a type for every SDK query and each agrees with the zod-inferred type', async () => {
    const {errors, generatedTypes, workDir} = await checkTypegenAgreement()
    for (const generated of Object.keys(PAIRS)) expect(generatedTypes).toContain(`export type ${generated} =`)
    expect(errors, `TypeGen and zod disagree; generated files kept in ${workDir}`).toBe('')
  }, 600_000)
})
