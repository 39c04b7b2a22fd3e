import { Capability, can, type Role } from '../../../../shared/auth/roles.ts'
import type { ArticleSession } from '../../collab/index.ts'
import { StatusControl, publications, useWorkflow } from '../workflow/index.ts'
import { PublishPanel } from './PublishPanel.tsx'
import { VersionsPanel } from './VersionsPanel.tsx'

/**
 * The article's editorial workflow beside the story: its status and moves (everyone sees, the role
 * decides which moves are offered), the publishing checklist for roles that may publish, and the
 * published versions. Everything follows the live document.
 */
export function EditorialPanels({ session, role }: { session: ArticleSession; role: Role | null }) {
  const { changes } = useWorkflow(session.doc)
  return (
    <>
      <StatusControl articleId={session.articleId} doc={session.doc} role={role} />
      {can(role, Capability.publish) && <PublishPanel session={session} />}
      <VersionsPanel articleId={session.articleId} refresh={publications(changes).length} />
    </>
  )
}
