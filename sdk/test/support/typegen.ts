// Runs Sanity TypeGen (schema extract, then typegen generate) over the schemas and the SDK's
// queries, writes a file asserting that each generated query result type and the SDK's
// zod-inferred result type are assignable both ways, and type-checks it with tsc. Offline.
// Usable from the test and by hand: node_modules/.bin/node sdk/test/support/typegen.ts
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(ROOT, 'node_modules/.bin')
// Work folders go inside node_modules: ignored by git and by the repository's tsc run, yet
// @types/node resolves from there. One per run, removed when the types agree.
const WORK_PARENT = path.join(ROOT, 'sdk/node_modules')

/** Generated query result type name -> the SDK's result type name. */
export const PAIRS: Record<string, string> = {
  GetExerciseQueryResult: 'GetExerciseResult',
  ListExercisesQueryResult: 'ListExercisesResult',
  ExercisesForEquipmentQueryResult: 'ExercisesForEquipmentResult',
  RelatedExercisesQueryResult: 'RelatedExercisesResult',
  GetArticleQueryResult: 'GetArticleResult',
  ListArticlesQueryResult: 'ListArticlesResult',
  GetPersonQueryResult: 'GetPersonResult',
  GetClubQueryResult: 'GetClubResult',
}

export interface TypegenAgreement {
  /** tsc's output; empty when every pair agrees. */
  errors: string
  generatedTypes: string
  /** Where the generated files are (kept when the types disagree). */
  workDir: string
}

export async function checkTypegenAgreement(): Promise<TypegenAgreement> {
  fs.mkdirSync(WORK_PARENT, {recursive: true})
  const WORK = fs.mkdtempSync(path.join(WORK_PARENT, '.typegen-'))
  // The Studio config names its project from SANITY_STUDIO_* variables (studio/src/environment.ts);
  // the schema is the same for any project, so the lake's is named when none is set.
  const env = {
    ...process.env,
    SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID || 'spotter',
    CI: 'true',
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
  }
  const studio = path.join(ROOT, 'studio')
  // `--path` is resolved against the Studio folder.
  await run(
    path.join(BIN, 'sanity'),
    ['schema', 'extract', '--enforce-required-fields', '--path', path.relative(studio, path.join(WORK, 'schema.json'))],
    {cwd: studio, env, timeout: 240_000},
  )
  // TypeGen needs a project root: a minimal CLI config in the work folder.
  fs.writeFileSync(path.join(WORK, 'sanity.cli.js'), "export default {api: {projectId: 'spotter', dataset: 'production'}}\n")
  fs.writeFileSync(path.join(WORK, 'package.json'), '{"type": "module"}\n')
  fs.writeFileSync(
    path.join(WORK, 'sanity-typegen.json'),
    JSON.stringify({
      path: path.join(ROOT, 'sdk/src/queries/*.ts'),
      schema: path.join(WORK, 'schema.json'),
      generates: path.join(WORK, 'sanity.types.ts'),
      overloadClientMethods: false,
    }),
  )
  await run(path.join(BIN, 'sanity'), ['typegen', 'generate', '--config-path', path.join(WORK, 'sanity-typegen.json')], {
    cwd: WORK,
    env,
    timeout: 240_000,
  })
  const generatedTypes = fs.readFileSync(path.join(WORK, 'sanity.types.ts'), 'utf8')
  const lines = ["import type * as TypeGen from './sanity.types.ts'", "import type * as Sdk from '../../src/index.ts'", '']
  for (const [generated, sdk] of Object.entries(PAIRS)) {
    // Returning each value as the other type makes tsc explain any difference, field by field.
    lines.push(
      `export function ${sdk}(typegen: TypeGen.${generated}, zod: Sdk.${sdk}): [Sdk.${sdk}, TypeGen.${generated}] {`,
      '  return [typegen, zod]',
      '}',
    )
  }
  fs.writeFileSync(path.join(WORK, 'agreement.ts'), `${lines.join('\n')}\n`)
  fs.writeFileSync(
    path.join(WORK, 'tsconfig.json'),
    JSON.stringify({extends: '../../../tsconfig.json', files: ['agreement.ts'], include: [], exclude: []}),
  )
  const tsc = await run(path.join(BIN, 'tsc'), ['-p', path.join(WORK, 'tsconfig.json')], {
    cwd: ROOT,
    env,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => '',
    (error: {stdout?: string; message: string}) => error.stdout || error.message,
  )
  if (!tsc) fs.rmSync(WORK, {recursive: true, force: true})
  return {errors: tsc, generatedTypes, workDir: WORK}
}

if (import.meta.main) {
  const {errors, workDir} = await checkTypegenAgreement()
  console.log(errors ? `${errors}\n(generated files in ${workDir})` : 'TypeGen and zod result types agree')
  process.exitCode = errors ? 1 : 0
}
