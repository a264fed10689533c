import { COUNTS, RATES, type CountName, type RateName } from '../../../shared/rates'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { CountCard } from './CountCard'
import type { Scope } from './links'
import { previousPeriod } from './period'
import { RateCard } from './RateCard'
import { useStats } from './use-stats'

/** The four rates against their 100% target beside the previous period, then the counts. */
export function Headline({ scope }: { scope: Scope }) {
  const { s } = useText()
  const before = { ...scope, ...previousPeriod(scope) }
  const now = useStats(scope)
  const then = useStats(before)
  if (now.error) return <Message text={now.error} />
  if (!now.data) return <p class="adm-muted">{s('loading')}</p>
  const data = now.data
  return (
    <>
      <section class="dash-rates" aria-label={s('dashRates')}>
        {(Object.keys(RATES) as RateName[]).map((name) => (
          <RateCard key={name} name={name} value={data[name]} previous={then.data ? then.data[name] : undefined} scope={scope} />
        ))}
      </section>
      <p class="dash-note">{fill(s('previousRange'), before)}</p>
      <section class="dash-counts" aria-label={s('dashCounts')}>
        {(Object.keys(COUNTS) as CountName[]).map((name) => (
          <CountCard key={name} name={name} value={data[name]} previous={then.data?.[name]} shown={String} scope={scope} />
        ))}
        <CountCard
          name="medianDaysToReply"
          value={data.medianDaysToReply}
          previous={then.data?.medianDaysToReply}
          shown={(v) => (v === null ? '—' : `${Math.round(v * 10) / 10} ${s('days')}`)}
          scope={scope}
        />
      </section>
    </>
  )
}
