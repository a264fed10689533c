import { renderToString } from 'preact-render-to-string'
import { FORM_ID, MIRROR } from './worker/draft'
import { keepEarlyDraft } from './worker/early-draft'
import { WorkerApp } from './worker/WorkerApp'

/** The worker's form as HTML, put into index.html at build time so it shows before any script. */
export function renderWorkerApp(): string {
  return renderToString(<WorkerApp />)
}

/** The inline script that keeps words typed before the app's script arrives (see early-draft.ts). */
export function earlyDraftScript(): string {
  return `(${keepEarlyDraft.toString()})(${JSON.stringify(MIRROR)},${JSON.stringify(FORM_ID)})`
}
