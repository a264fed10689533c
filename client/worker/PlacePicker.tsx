import type { EntryPointInfo } from '../../shared/api'
import { usePlaces } from './places'
import { useText } from './use-text'

// A chunk of its own, fetched after first paint: the QR code's way (来自：…) needs none of it.
/** The place, for a worker who opened the app without scanning a QR code: the QR points, by unit. */
export function PlacePicker({ code, onChoose }: { code: string | null; onChoose(info: EntryPointInfo): void }) {
  const { s } = useText()
  const places = usePlaces(true)
  const groups = new Map<string, EntryPointInfo[]>()
  for (const place of places) {
    const unit = place.unitPath.join(' · ')
    groups.set(unit, [...(groups.get(unit) ?? []), place])
  }
  return (
    <>
      <label for="place">{s('choosePlace')}</label>
      <select
        id="place"
        value={code ?? ''}
        onChange={(e) => {
          const chosen = places.find((p) => p.code === e.currentTarget.value)
          if (chosen) onChoose(chosen)
        }}
      >
        <option value="">{places.length ? s('choosePlaceHint') : s('placesOffline')}</option>
        {[...groups].map(([unit, points]) => (
          <optgroup key={unit} label={unit}>
            {points.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p class="hint">{s('placeQrFaster')}</p>
    </>
  )
}
