// npm run import -- FILE... [--dry-run] [--lake URL] [--token TOKEN] [--dataset NAME]
import {parseArgs} from 'node:util'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {finalDrafts, importFiles, readFiles} from './import.ts'
import {localLake, readCatalog, writeDrafts} from './lake-client.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': {type: 'boolean'},
      lake: {type: 'string'},
      token: {type: 'string'},
      dataset: {type: 'string', default: 'production'},
      help: {type: 'boolean', short: 'h'},
    },
  })
  if (values.help || positionals.length === 0) {
    process.stderr.write('usage: npm run import -- FILE... [--dry-run] [--lake URL] [--token TOKEN] [--dataset NAME]\n')
    return values.help ? 0 : 2
  }
  const files = readFiles(positionals)
  const local = values.lake && values.token ? undefined : localLake(root)
  const target = {url: values.lake ?? local!.url, token: values.token ?? local!.token, dataset: values.dataset!}
  const catalog = await readCatalog(target)
  const imported = importFiles(files, catalog)
  const drafts = finalDrafts(imported)
  if (values['dry-run']) {
    process.stdout.write(`${drafts.map((d) => JSON.stringify(d)).join('\n')}\n`)
    return 0
  }
  const transactionId = await writeDrafts(target, drafts)
  for (const file of imported) process.stderr.write(`${file.source}: ${file.drafts.map((d) => d._id).join(', ')}\n`)
  process.stderr.write(
    `Wrote ${drafts.length} drafts to "${target.dataset}" in transaction ${transactionId}; review and publish them in the Studio.\n`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`import failed: ${error.message}\nNothing was written.\n`)
    process.exit(1)
  },
)
