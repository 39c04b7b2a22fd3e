import type { Author } from '../../shared/article/index.ts'
import type { Role } from '../../shared/auth/index.ts'

/** Who runs a command, and their role on the article. */
export interface CommandActor {
  author: Author
  role: Role
}
