import type { DeviceState } from './device-store'
import { useMine } from './use-mine'
import { useScreenText } from './use-screen-text'

/** The count on the 我的意见 tab: the items with news it has not shown yet. `mine-news` describes the tab. */
export function MineCount({ device }: { device: DeviceState }) {
  const { s } = useScreenText()
  const n = useMine(device)?.filter((row) => row.unseen).length
  if (!n) return null
  return (
    <>
      <span class="news-count" aria-hidden="true">
        {n}
      </span>
      <span id="mine-news" hidden>
        {s('newCount').replace('{n}', String(n))}
      </span>
    </>
  )
}
