import { useState } from 'preact/hooks'
import type { ReplyTemplateView } from '../../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { REPLY_CHANNEL_LABELS, REPLY_CHANNELS, type ReplyChannel } from '../../../../shared/reply-channels'
import { api } from '../../api'
import { Field } from '../../ui/Field'
import { useLoad } from '../../ui/use-load'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 答复: the union's answer to the worker, in the app or face to face (with date and place). */
export function ReplyForm({ act, action }: FormProps<'reply'>) {
  const { s, l } = useText()
  const templates = useLoad(() => api.get<ReplyTemplateView[]>('/api/admin/templates'), [])
  const [text, setText] = useState('')
  const [channel, setChannel] = useState<ReplyChannel>('app')
  const [meetingAt, setMeetingAt] = useState('')
  const [meetingPlace, setMeetingPlace] = useState('')
  const [showName, setShowName] = useState(false)
  const faceToFace = channel === 'face_to_face'
  const body = { text, channel, showName, ...(faceToFace ? { meetingAt, meetingPlace } : {}) }
  return (
    <ActionForm action={action} title={s('replyTitle')} onSubmit={() => act(action, body)}>
      {!!templates.data?.length && (
        <Field id="reply-template" label={s('replyTemplate')}>
          <select
            id="reply-template"
            value=""
            onChange={(e) => {
              const t = templates.data!.find((x) => x.id === e.currentTarget.value)
              if (t) setText(t.body)
            }}
          >
            <option value="">{s('choose')}</option>
            {templates.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="reply-text" label={s('replyText')}>
        <textarea id="reply-text" rows={5} maxLength={ADMIN_LIMITS.textMax} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      <Field id="reply-channel" label={s('replyChannel')}>
        <select id="reply-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as ReplyChannel)}>
          {REPLY_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {l(REPLY_CHANNEL_LABELS[c])}
            </option>
          ))}
        </select>
      </Field>
      {faceToFace && (
        <>
          <Field id="reply-meeting-at" label={s('meetingAt')}>
            <input id="reply-meeting-at" type="date" required value={meetingAt} onInput={(e) => setMeetingAt(e.currentTarget.value)} />
          </Field>
          <Field id="reply-meeting-place" label={s('meetingPlace')}>
            <input
              id="reply-meeting-place"
              required
              maxLength={ADMIN_LIMITS.placeMax}
              value={meetingPlace}
              onInput={(e) => setMeetingPlace(e.currentTarget.value)}
            />
          </Field>
        </>
      )}
      <label class="adm-check">
        <input type="checkbox" checked={showName} onChange={(e) => setShowName(e.currentTarget.checked)} />
        {s('showName')}
      </label>
    </ActionForm>
  )
}
