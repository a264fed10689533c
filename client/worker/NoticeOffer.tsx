import { useEffect, useState } from 'preact/hooks'
import type { DeviceState } from './device-store'
import { useScreenText } from './use-screen-text'

/**
 * After a submission, never before: offers to tell the worker on this phone when the union answers.
 * The browser asks only on "开启提醒"; either answer is kept on the device, so the offer does not nag.
 */
export function NoticeOffer({ device }: { device: DeviceState }) {
  const { s } = useScreenText()
  const [state, setState] = useState<'hidden' | 'offer' | NotificationPermission>('hidden')
  useEffect(() => {
    if (device.phase !== 'ready') return
    device.device.shouldOfferNotices().then((offer) => offer && setState('offer'), () => undefined)
  }, [device.phase])
  if (device.phase !== 'ready' || state === 'hidden' || state === 'default') return null
  if (state !== 'offer')
    return (
      <p class="hint" role="status">
        {state === 'granted' ? s('noticesOn') : s('noticesOff')}
      </p>
    )
  const answer = (yes: boolean) => device.device.answerNoticeOffer(yes).then(setState, () => setState('hidden'))
  return (
    <div class="offer">
      <p>{s('noticeOffer')}</p>
      <div class="row">
        <button type="button" onClick={() => void answer(true)}>
          {s('noticeYes')}
        </button>
        <button type="button" onClick={() => void answer(false)}>
          {s('noticeLater')}
        </button>
      </div>
    </div>
  )
}
