import type { PosterView } from '../../../shared/posters'
import { useText } from '../use-text'
import { posterWords } from './poster-defaults'

/** One A4 poster for one QR point: what it is, the code, three steps, the promises, who answers. */
export function PosterSheet({ poster }: { poster: PosterView }) {
  const { s } = useText()
  const unit = poster.unitPath.at(-1) ?? ''
  const words = posterWords(poster, poster.unitPath, s)
  const steps = [
    [s('step1Head'), s('step1')],
    [s('step2Head'), s('step2')],
    [s('step3Head'), s('step3')],
  ] as const
  return (
    <article class="poster" aria-label={`${words.title} · ${poster.name}`}>
      <h1 class="poster-title">{words.title}</h1>
      <p class="poster-place">
        {unit !== poster.name && <span class="poster-unit">{unit}</span>}
        <span class="poster-spot">{poster.name}</span>
      </p>
      <img class="poster-qr" src={`/api/admin/entry-points/${poster.id}/qr.svg`} alt={s('posterQrAlt').replace('{place}', poster.name)} />
      <p class="poster-url">
        {s('orOpen')}
        <span class="poster-url-text">{poster.url}</span>
      </p>
      <ol class="poster-steps">
        {steps.map(([head, text]) => (
          <li key={head}>
            <strong>{head}</strong>
            <span>{text}</span>
          </li>
        ))}
      </ol>
      <p class="poster-promise">
        <span>{s('promiseAnonymous')}</span>
        <span>{poster.replyWithinDays ? s('promiseDays').replace('{days}', String(poster.replyWithinDays)) : s('promiseAnswer')}</span>
      </p>
      <p class="poster-union">{words.footer}</p>
    </article>
  )
}
