import type { UpdateControl } from '../pwa/register'
import { useScreenText } from './use-screen-text'

/** A new version waits behind this while words are on screen (loaded with the screens: an update comes after first paint). */
export function UpdateBanner({ update, onLater }: { update: UpdateControl; onLater(): void }) {
  const { s } = useScreenText()
  return (
    <div class="banner update" role="alert">
      <span>{s('updateReady')}</span>
      <button type="button" class="primary" onClick={() => update.apply()}>
        {s('updateApply')}
      </button>
      <button type="button" onClick={onLater}>
        {s('updateLater')}
      </button>
    </div>
  )
}
