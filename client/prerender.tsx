import { renderToString } from 'preact-render-to-string'
import { WorkerApp } from './worker/WorkerApp'

/** The worker's form as HTML, put into index.html at build time so it shows before any script. */
export function renderWorkerApp(): string {
  return renderToString(<WorkerApp />)
}
