// Which Content Lake the Studio works on (src/environment.ts): hosted Sanity unless a lake URL is
// given, by studio/serve.ts at run time or SANITY_STUDIO_LAKE_URL at build time.
import {describe, expect, it} from 'vitest'
import {environmentSettings, resolveStudioEnvironment} from '../src/environment.ts'

describe('hosted mode (no lake URL)', () => {
  it("uses the project and dataset variables, Sanity's API host and its normal sign-in", () => {
    const environment = resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'ab12cd34', SANITY_STUDIO_DATASET: 'staging'})
    expect(environment).toEqual({mode: 'hosted', projectId: 'ab12cd34', dataset: 'staging'})
    // Nothing but the project and dataset: Sanity's default API host, sign-in and features.
    expect(environmentSettings(environment)).toEqual({projectId: 'ab12cd34', dataset: 'staging'})
  })

  it('defaults the dataset to production', () => {
    expect(resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'ab12cd34'})).toMatchObject({dataset: 'production'})
  })

  it('needs a project id, and says which variable', () => {
    expect(() => resolveStudioEnvironment({})).toThrow(/SANITY_STUDIO_PROJECT_ID is not set/)
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: '  '})).toThrow(/SANITY_STUDIO_PROJECT_ID is not set/)
  })

  it('refuses malformed names, naming the variable', () => {
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'My Project'})).toThrow(
      /SANITY_STUDIO_PROJECT_ID "My Project" is not valid/,
    )
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'ab12cd34', SANITY_STUDIO_DATASET: 'Prod!'})).toThrow(
      /SANITY_STUDIO_DATASET "Prod!" is not valid/,
    )
  })
})

describe('lake mode', () => {
  it('SANITY_STUDIO_LAKE_URL at build time: the lake as API host, lake sign-in, hosted-only features off', () => {
    const environment = resolveStudioEnvironment({SANITY_STUDIO_LAKE_URL: 'https://localhost:4000/'})
    expect(environment).toEqual({mode: 'lake', lakeUrl: 'https://localhost:4000', projectId: 'spotter', dataset: 'production'})
    const settings = environmentSettings(environment)
    expect(settings).toMatchObject({
      projectId: 'spotter',
      dataset: 'production',
      apiHost: 'https://localhost:4000',
      auth: {loginMethod: 'token', redirectOnSingle: true, providers: [{name: 'spotter-lake', url: 'https://localhost:4000/auth/login'}]},
      search: {strategy: 'groqLegacy'},
      releases: {enabled: false},
      tasks: {enabled: false},
      scheduledPublishing: {enabled: false},
      document: {comments: {enabled: false}},
    })
  })

  it('the lake serve.ts names at run time wins over build-time variables', () => {
    const environment = resolveStudioEnvironment({
      runtimeLake: {url: 'https://localhost:51234', projectId: 'spotter', dataset: 'production'},
      SANITY_STUDIO_LAKE_URL: 'https://localhost:3030',
      SANITY_STUDIO_PROJECT_ID: 'ab12cd34',
      SANITY_STUDIO_DATASET: 'staging',
    })
    expect(environment).toEqual({mode: 'lake', lakeUrl: 'https://localhost:51234', projectId: 'spotter', dataset: 'production'})
    // A build made for hosted Sanity still serves a lake when serve.ts gives one.
    expect(resolveStudioEnvironment({runtimeLake: {url: 'https://localhost:3030'}, SANITY_STUDIO_PROJECT_ID: 'ab12cd34'})).toMatchObject({
      mode: 'lake',
      projectId: 'ab12cd34',
    })
  })

  it('refuses a lake URL that is not an http(s) URL', () => {
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_LAKE_URL: 'localhost:3030'})).toThrow(/SANITY_STUDIO_LAKE_URL "localhost:3030"/)
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_LAKE_URL: 'not a url'})).toThrow(/is not a URL/)
  })
})
