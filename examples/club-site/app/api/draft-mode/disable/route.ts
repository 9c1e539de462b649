import {draftMode} from 'next/headers'
import {NextResponse, type NextRequest} from 'next/server'

/** Leaves draft mode and goes back to the page (same site only). */
export async function GET(request: NextRequest): Promise<Response> {
  ;(await draftMode()).disable()
  const back = request.nextUrl.searchParams.get('redirect')
  const target = back?.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/'
  return NextResponse.redirect(new URL(target, request.url), 303)
}
