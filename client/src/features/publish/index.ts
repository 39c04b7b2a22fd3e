import './publish.css'

export { EditorialPanels } from './EditorialPanels.tsx'
export { GateChecklist } from './GateChecklist.tsx'
export { OverrideForm } from './OverrideForm.tsx'
export { PublishPanel } from './PublishPanel.tsx'
export { VersionDiffView } from './VersionDiffView.tsx'
export { VersionViewer } from './VersionViewer.tsx'
export { VersionsPanel } from './VersionsPanel.tsx'
export {
  MAX_PUBLISH_NOTE_CHARS,
  PUBLISHED_PROFILES,
  fetchPublished,
  fetchVersionDiff,
  isGateReportItem,
  listVersions,
  publishArticle,
  publishedUrl,
} from './publishApi.ts'
export type { DiffPart, GateReportItem, PublishOutcome, PublishedProfile, PublishedVersionInfo } from './publishApi.ts'
export { PublishChecklist } from './publishChecklist.ts'
export type { ChecklistSnapshot, PublishChecklistEvents } from './publishChecklist.ts'
export { usePublishChecklist } from './usePublishChecklist.ts'
export { useVersions } from './useVersions.ts'
export type { VersionsState } from './useVersions.ts'
export { defaultComparison, describeDiff, summarizeDiff } from './versionDiff.ts'
export type { DiffSummary } from './versionDiff.ts'
