import { isErrorResponse } from '../../../shared/protocol/index.ts'

/** Creates an article through `POST /api/articles` and returns its id. */
export async function createArticle(httpUrl: string, token: string, text: string): Promise<string> {
  const res = await fetch(`${httpUrl}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  })
  const body: unknown = await res.json()
  if (!res.ok || isErrorResponse(body)) throw new Error(`POST /api/articles failed: ${res.status} ${JSON.stringify(body)}`)
  const id = (body as { id?: unknown }).id
  if (typeof id !== 'string') throw new Error(`POST /api/articles answered without an id: ${JSON.stringify(body)}`)
  return id
}
