// The "Import article" tool: an editor pastes or drops a legacy article, sees the drafts the
// importer proposes, and creates them in one transaction. It lives in the Studio, not in the
// published @spotter/schemas plugin: the importer is private and itself depends on the schemas.
import {DownloadIcon} from '@sanity/icons/Download'
import {lazy} from 'react'
import {definePlugin} from 'sanity'

// Loaded when the tool opens: the importer (block-tools, commonmark, the compiled schema) is a
// separate chunk, so editors who never import do not download it.
const ImportArticleTool = lazy(() => import('./ImportArticleTool.tsx').then((module) => ({default: module.ImportArticleTool})))

export const importArticleTool = definePlugin({
  name: 'spotter-import-article',
  tools: (previous) => [...previous, {name: 'import-article', title: 'Import article', icon: DownloadIcon, component: ImportArticleTool}],
})
