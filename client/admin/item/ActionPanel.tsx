import type { ItemDetail, Me } from '../../../shared/admin-api'
import { useText } from '../use-text'
import type { Act } from './act'
import { ClassifyForm } from './forms/ClassifyForm'
import { CloseForm } from './forms/CloseForm'
import { DispatchForm } from './forms/DispatchForm'
import { MergeForm } from './forms/MergeForm'
import { NoteForm } from './forms/NoteForm'
import { ReasonForm } from './forms/ReasonForm'
import { ReplyForm } from './forms/ReplyForm'
import { ReportForm } from './forms/ReportForm'
import { RevealForm } from './forms/RevealForm'

type Allowed = ItemDetail['allowed'][number]

// The next step of a normal life comes first; side exits and notes after it.
const ORDER: Allowed[] = ['accept', 'report', 'dispatch', 'reply', 'close', 'reopen', 'decline', 'merge', 'classify', 'note', 'reveal']

/** A form for exactly the actions the server says this reviewer may take now. */
export function ActionPanel({ item, me, act }: { item: ItemDetail; me: Me; act: Act }) {
  const { s } = useText()
  // Accepting classifies too: a second classification form would only repeat it.
  const shown = ORDER.filter((a) => item.allowed.includes(a) && !(a === 'classify' && item.allowed.includes('accept')))
  if (!shown.length) return <p class="adm-empty">{s('noActions')}</p>
  const props = { item, act }
  return (
    <>
      {shown.map((action) => {
        switch (action) {
          case 'accept':
          case 'classify':
            return <ClassifyForm key={action} {...props} mode={action} />
          case 'dispatch':
            return <DispatchForm key={action} {...props} />
          case 'report':
            return <ReportForm key={action} {...props} me={me} />
          case 'reply':
            return <ReplyForm key={action} {...props} />
          case 'close':
            return <CloseForm key={action} {...props} />
          case 'decline':
          case 'reopen':
            return <ReasonForm key={action} {...props} mode={action} />
          case 'merge':
            return <MergeForm key={action} {...props} />
          case 'note':
            return <NoteForm key={action} {...props} />
          case 'reveal':
            return <RevealForm key={action} {...props} />
        }
      })}
    </>
  )
}
