import type { ComponentType } from 'preact'
import type { ItemDetail, Me } from '../../../shared/admin-api'
import { ACTION_NAMES, ACTIONS, type Action } from '../../../shared/lifecycle'
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
import { InstructForm } from './forms/InstructForm'
import { UrgeForm } from './forms/UrgeForm'
import type { FormProps } from './forms/types'

type FormKind = (typeof ACTIONS)[Action]['form']
type ActionsOf<F extends FormKind> = { [A in Action]: (typeof ACTIONS)[A]['form'] extends F ? A : never }[Action]

/** The component of each form kind the lifecycle table names. */
const FORMS: { [F in FormKind]: ComponentType<FormProps<ActionsOf<F>>> } = {
  classify: ClassifyForm,
  dispatch: DispatchForm,
  report: ReportForm,
  reply: ReplyForm,
  close: CloseForm,
  reason: ReasonForm,
  merge: MergeForm,
  note: NoteForm,
  reveal: RevealForm,
  urge: UrgeForm,
  instruct: InstructForm,
}

/** A form for exactly the actions the server says this reviewer may take now, in the table's order. */
export function ActionPanel({ item, me, act }: { item: ItemDetail; me: Me; act: Act }) {
  const { s } = useText()
  // Accepting classifies too: a second classification form would only repeat it.
  const shown = ACTION_NAMES.filter((a) => item.allowed.includes(a) && !(a === 'classify' && item.allowed.includes('accept')))
  if (!shown.length) return <p class="adm-empty">{s('noActions')}</p>
  return (
    <>
      {shown.map((action) => {
        // The table pairs each action with its form; TypeScript cannot follow the pair through the lookup.
        const Form = FORMS[ACTIONS[action].form] as ComponentType<FormProps>
        return <Form key={action} item={item} me={me} act={act} action={action} />
      })}
    </>
  )
}
