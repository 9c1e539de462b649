import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {visionTool} from '@sanity/vision'
import {spotter, spotterStructure} from '@spotter/schemas'
import {lakeUrl} from './src/lake-url.ts'

// The editors' Studio, pointed at the local lake (HTTPS + HTTP/2 on the lake's port; see
// studio/README.md). Everything that would call Sanity's hosted services is turned off.
export default defineConfig({
  name: 'default',
  title: 'Spotter',
  projectId: 'spotter',
  dataset: 'production',
  apiHost: lakeUrl,
  auth: {
    // Tokens, not cookies: the lake issues no sessions. The lake's login page asks for a lake
    // token and hands it back as `#token=...`, which the Studio keeps in localStorage.
    loginMethod: 'token',
    redirectOnSingle: true,
    providers: [{name: 'spotter-lake', title: 'Sign in with a lake token', url: `${lakeUrl}/auth/login`}],
  },
  // The content model, its validation and templates come from the @spotter/schemas plugin, the
  // desk from its structure, exactly as any other Studio would use them.
  plugins: [spotter(), structureTool({structure: spotterStructure}), visionTool({defaultApiVersion: '2025-02-19'})],
  // GROQ `match` search: the default strategy's text::query() is hosted-only (groq-js lacks it).
  search: {strategy: 'groqLegacy'},
  // Hosted-only features: each would open another listener or call a hosted service.
  releases: {enabled: false},
  tasks: {enabled: false},
  scheduledPublishing: {enabled: false},
  scheduledDrafts: {enabled: false},
  announcements: {enabled: false},
  mediaLibrary: {enabled: false},
  document: {comments: {enabled: false}},
})
