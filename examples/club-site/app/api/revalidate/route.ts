// A GROQ webhook (the lake's or hosted Sanity's) calls this on every publish: with a valid
// signature, every cached published result expires at once, so the next page view is fresh.
// Queries join across documents (an article embeds exercises and people), so one tag covers all.
import {revalidateTag} from 'next/cache'
import {parseBody} from 'next-sanity/webhook'
import type {NextRequest} from 'next/server'
import {config} from '../../../lib/config.ts'
import {CONTENT_TAG} from '../../../lib/live.ts'

export async function POST(request: NextRequest): Promise<Response> {
  if (!config.revalidateSecret) return new Response('Revalidation is not set up: it needs SPOTTER_REVALIDATE_SECRET.', {status: 404})
  const {isValidSignature, body} = await parseBody<{_id?: string; _type?: string}>(request, config.revalidateSecret)
  if (!isValidSignature) return new Response('Invalid signature', {status: 401})
  revalidateTag(CONTENT_TAG, {expire: 0})
  return Response.json({revalidated: true, document: body?._id ?? null})
}
