/** The Socket.IO room of an article. Prefixed so it can never collide with a socket id. */
export function articleRoom(articleId: string): string {
  return `article:${articleId}`
}
