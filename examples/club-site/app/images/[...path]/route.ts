// On a lake, image URLs point here (lib/images.ts): the request, with its transforms, goes on to
// the lake's image pipeline, so browsers never need the lake's own address. The browser's Accept
// goes along: with auto=format the pipeline answers AVIF or WebP to browsers that take them.
import {config} from '../../../lib/config.ts'

export async function GET(request: Request, {params}: {params: Promise<{path: string[]}>}): Promise<Response> {
  const {path} = await params
  const [projectId, dataset, file] = path
  if (
    !config.lakeUrl ||
    path.length !== 3 ||
    projectId !== config.projectId ||
    dataset !== config.dataset ||
    !/^[\w-]+\.[a-z0-9]+$/.test(file!)
  ) {
    return new Response('Not found', {status: 404})
  }
  const accept = request.headers.get('accept')
  const upstream = await fetch(`${config.lakeUrl}/images/${projectId}/${dataset}/${file}${new URL(request.url).search}`, {
    cache: 'no-store',
    ...(accept ? {headers: {accept}} : {}),
  })
  const headers = new Headers()
  for (const name of ['content-type', 'content-length', 'cache-control', 'etag', 'last-modified', 'vary']) {
    const value = upstream.headers.get(name)
    if (value) headers.set(name, value)
  }
  // One URL, a format per Accept: caches between here and the browser keep them apart.
  if (new URL(request.url).searchParams.get('auto') === 'format') headers.append('vary', 'Accept')
  return new Response(upstream.body, {status: upstream.status, headers})
}
