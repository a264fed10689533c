import type { PublicEvent } from '../../shared/api'
import { EVENT_LABELS } from '../../shared/event-labels'
import { REPLY_CHANNEL_LABELS, type ReplyChannel } from '../../shared/reply-channels'
import { RATING_LABELS, type Rating } from '../../shared/ratings'
import { formatTime } from '../../shared/time'
import { useScreenText } from './use-screen-text'

/** The public history of an item, oldest first; replies stand out. Text is always text. */
export function Timeline({ events }: { events: PublicEvent[] }) {
  const { lang, s, l } = useScreenText()
  return (
    <ol class="timeline">
      {events.map((event, i) => {
        const channel = event.data?.channel as ReplyChannel | undefined
        const rating = event.data?.rating as Rating | undefined
        return (
          <li key={i} class={event.kind === 'reply' || event.kind === 'decline' ? 'reply' : undefined}>
            <span class="when">{formatTime(event.at, lang)}</span> <strong>{l(EVENT_LABELS[event.kind])}</strong>
            {rating && RATING_LABELS[rating] && <span>：{l(RATING_LABELS[rating])}</span>}
            {event.text && <p class="text">{event.text}</p>}
            {event.data?.officerName && (
              <p class="meta">
                {s('answeredBy')}
                {event.data.officerName}
              </p>
            )}
            {channel && REPLY_CHANNEL_LABELS[channel] && (
              <p class="meta">
                {s('channel')}
                {l(REPLY_CHANNEL_LABELS[channel])}
                {event.data?.meetingAt && ` · ${s('meeting')}${event.data.meetingAt} ${event.data.meetingPlace ?? ''}`}
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
