import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { AnyExtension } from '@tiptap/core'
import type { ArticleSession } from '../../collab/index.ts'
import { FactTagging } from '../../editor/facts/index.ts'
import { useConnection } from '../../services/index.ts'
import { FactsController, type FactPermissions, type FactsUiState } from './factsController.ts'
import type { FactsSnapshot } from './factsStore.ts'

/**
 * The fact tagging of the open article: one FactsController for the session, following the document
 * while mounted, sending commands on the signed-in user's connection. `permissions` come from the
 * role (can(role, tagFacts | checkFacts)) and follow it live.
 */
export function useFactsController(session: ArticleSession, permissions: FactPermissions): FactsController {
  const connection = useConnection()
  // Built once per session (the page remounts for another one); no side effects until connect().
  const [controller] = useState(() => new FactsController({ articleId: session.articleId, doc: session.doc, commands: connection }))
  useEffect(() => {
    controller.connect()
    return () => controller.disconnect()
  }, [controller])
  useEffect(() => {
    controller.setPermissions(permissions)
  }, [controller, permissions])
  return controller
}

function useControllerValue<T>(controller: FactsController, read: () => T): T {
  const subscribe = useCallback((onChange: () => void) => controller.subscribe(onChange), [controller])
  return useSyncExternalStore(subscribe, read)
}

/** The controller's UI state (menu, card, suggestions), re-rendering when it changes. */
export function useFactsUi(controller: FactsController): FactsUiState {
  return useControllerValue(controller, () => controller.state)
}

/** Every tag with its record and text, live. */
export function useFactsSnapshot(controller: FactsController): FactsSnapshot {
  return useControllerValue(controller, () => controller.store.snapshot)
}

/** The editor extensions of fact tagging for this controller (stable while it lives): pass them to ArticleEditor. */
export function useFactExtensions(controller: FactsController): readonly AnyExtension[] {
  return useMemo(() => [FactTagging.configure({ host: controller })], [controller])
}
