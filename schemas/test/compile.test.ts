// The model compiles under Sanity's own schema compiler (the one the Studio uses) with no
// errors and no warnings, and every type the issue asks for is there.
import {createSchema} from 'sanity'
import {describe, expect, it} from 'vitest'
import {ARTICLE_BODY_BLOCK_TYPES, DOCUMENT_TYPES, schemaTypes} from '../src/index.ts'

interface Problem {
  severity: 'error' | 'warning'
  message: string
}
interface ProblemGroup {
  path: {name?: string; kind?: string}[]
  problems: Problem[]
}

const schema = createSchema({name: 'spotter', types: schemaTypes})

describe('schema compilation', () => {
  it("has no errors or warnings from Sanity's schema validator", () => {
    const groups = (schema as unknown as {_validation: ProblemGroup[]})._validation
    const problems = groups.flatMap((group) =>
      group.problems.map((p) => `${p.severity}: ${group.path.map((s) => s.name ?? s.kind).join(' > ')}: ${p.message}`),
    )
    expect(problems).toEqual([])
  })

  it('a schema with a broken type does report problems (the check above can fail)', () => {
    const broken = createSchema({
      name: 'broken',
      types: [{name: 'thing', type: 'document', fields: [{name: 'x', type: 'noSuchType'}]}],
    })
    const groups = (broken as unknown as {_validation: ProblemGroup[]})._validation
    expect(groups.flatMap((g) => g.problems).some((p) => p.severity === 'error')).toBe(true)
  })

  it('defines every document and object type of the content model', () => {
    expect(DOCUMENT_TYPES.sort()).toEqual(
      ['article', 'club', 'disclaimer', 'equipment', 'exercise', 'muscle', 'organization', 'person'].sort(),
    )
    for (const name of [
      'range',
      'prescription',
      'progressionRule',
      'step',
      'tempo',
      'creditedImage',
      'citation',
      'exerciseSetup',
      'exerciseVariation',
      'exerciseRelation',
      'credential',
      'inventoryItem',
      'seo',
      'syndicationRights',
      'exerciseEmbed',
      'prescriptionTable',
      'disclaimerCallout',
      'pullQuote',
      'articleBody',
    ]) {
      expect(schema.get(name), name).toBeDefined()
    }
  })

  it('lets an article body hold every embed block', () => {
    const body = schema.get('articleBody') as {of: {name: string}[]}
    expect(body.of.map((t) => t.name).sort()).toEqual([...ARTICLE_BODY_BLOCK_TYPES].sort())
  })

  it('gives every type an icon and every non-array type a preview', () => {
    for (const type of schemaTypes) expect((type as {icon?: unknown}).icon, type.name).toBeTruthy()
    for (const type of schemaTypes) {
      if (type.type === 'array') continue // Portable Text arrays preview their items
      const compiled = schema.get(type.name) as {preview?: {select?: object}}
      expect(compiled.preview?.select, type.name).toBeTruthy()
    }
  })
})
