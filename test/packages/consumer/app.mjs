// A Node ESM app as a user writes one, run in a project that installed the packed tarballs:
// starts the `spotter-lake` bin on the seed, queries it with the SDK, renders the article with
// every renderer entry, then uses @spotter/lake/testing (start, write, reset, stop).
// Usage: node app.mjs SLUG OUT_DIR. Prints a JSON report.
import {spawn} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createElement} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {createExerciseClient} from '@spotter/sdk'
import {ArticleView} from '@spotter/sdk/react'
import {articleToHtml} from '@spotter/sdk/html'
import {articleToText} from '@spotter/sdk/text'
import {articleToMarkdown} from '@spotter/sdk/markdown'
import {articleJsonLd} from '@spotter/sdk/jsonld'
import {startLake} from '@spotter/lake/testing'

const [slug, out] = process.argv.slice(2)
const seed = path.resolve('seed/spotter.ndjson')

function serve() {
  const child = spawn(
    path.resolve('node_modules/.bin/spotter-lake'),
    ['serve', '--port', '0', '--data-dir', path.join(out, 'lake'), '--seed', seed],
    {stdio: ['ignore', 'pipe', 'inherit']},
  )
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve({child, url: match[1]})
    })
    child.once('exit', (code) => reject(new Error(`spotter-lake exited (${code}) before listening:\n${output}`)))
  })
}

const {child, url} = await serve()
const report = {}
try {
  const spotter = createExerciseClient({projectId: 'spotter', dataset: 'production', apiHost: url})
  const article = await spotter.getArticle(slug)
  if (!article) throw new Error(`no article "${slug}"`)
  const images = spotter.images
  fs.writeFileSync(path.join(out, 'article.json'), JSON.stringify({article, images}))
  const reactHtml = renderToStaticMarkup(createElement(ArticleView, {article, images}))
  fs.writeFileSync(path.join(out, 'react.html'), reactHtml)
  report.title = article.title
  report.reactHtml = reactHtml
  report.html = articleToHtml(article, {images})
  report.text = articleToText(article)
  report.markdown = articleToMarkdown(article, {images})
  report.jsonLd = articleJsonLd(article, {images})
} finally {
  child.kill('SIGTERM')
}

const lake = await startLake({seed})
try {
  const client = lake.client()
  const before = await client.fetch('count(*)')
  await client.create({_id: 'consumer-note', _type: 'note', title: 'written by a test'})
  const during = await client.fetch('count(*)')
  const reset = await lake.reset()
  report.testing = {before, during, after: await client.fetch('count(*)'), reset}
} finally {
  await lake.stop()
}
console.log(JSON.stringify(report))
