import type { AdminEvent } from '../../../shared/admin-api'
import { EVENT_LABELS } from '../../../shared/event-labels'
import type { PhotoView } from '../../../shared/photos'
import { ROLE_LABELS } from '../../../shared/roles'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { formatTime } from '../../../shared/time'
import { withNote } from '../format'
import { useCategories } from '../categories'
import { useText } from '../use-text'
import { eventDetails } from './event-details'
import { PhotoStrip } from './PhotoStrip'
import { eventPhotos } from './photos'

/** The full history, oldest first, with internal notes, who did what, and the photos each step brought. */
export function Timeline({ events, photos }: { events: AdminEvent[]; photos: readonly PhotoView[] }) {
  const { lang, s, l } = useText()
  const categories = useCategories()
  const actor = (e: AdminEvent) => {
    if (e.actor.kind === 'worker') return s('actorWorker')
    if (e.actor.kind === 'system') return s('actorSystem')
    return e.actor.name ? withNote(e.actor.name, l(ROLE_LABELS[e.actor.kind]), lang) : l(ROLE_LABELS[e.actor.kind])
  }
  return (
    <section class="adm-card">
      <h2>{s('timeline')}</h2>
      <ol class="adm-timeline">
        {events.map((e) => (
          <li key={e.id} class={e.isPublic ? 'adm-event' : 'adm-event adm-event-internal'}>
            <p class="adm-event-head">
              <strong>{l(EVENT_LABELS[e.kind])}</strong>
              <span>{actor(e)}</span>
              <time dateTime={e.at}>{formatTime(e.at, lang)}</time>
            </p>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <p class="adm-event-status">
                {l(STATUS_LABELS[e.fromStatus])} → {l(STATUS_LABELS[e.toStatus])}
              </p>
            )}
            {e.publicText && (
              <p class="adm-pre">
                <span class="adm-badge">{s('publicText')}</span> {e.publicText}
              </p>
            )}
            {e.note && (
              <p class="adm-pre">
                <span class="adm-badge adm-badge-internal">{s('internalNote')}</span> {e.note}
              </p>
            )}
            {eventDetails(e, lang, categories).map((line) => (
              <p key={line} class="adm-event-data">
                {line}
              </p>
            ))}
            <PhotoStrip photos={eventPhotos(e, photos)} label={s(e.kind === 'submit' ? 'photoWorker' : 'photoReport')} />
          </li>
        ))}
      </ol>
    </section>
  )
}
