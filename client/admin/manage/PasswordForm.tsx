import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api, ApiFailure } from '../api'
import { Field } from '../ui/Field'
import { FormFooter } from '../ui/FormFooter'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

/** Any reviewer changes their own password; the server ends their other sessions. */
export function PasswordForm() {
  const { s } = useText()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const { busy, error, done, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      if (next !== repeat) throw new ApiFailure(400, 'passwords_differ', s('passwordsDiffer'))
      await api.post('/api/auth/password', { current, next })
      setCurrent('')
      setNext('')
      setRepeat('')
      return s('passwordChanged')
    })
  }
  const input = (id: string, label: string, value: string, set: (v: string) => void, auto: string, min?: number) => (
    <Field id={id} label={label}>
      <input id={id} type="password" required autocomplete={auto} minLength={min} value={value} onInput={(e) => set(e.currentTarget.value)} />
    </Field>
  )
  return (
    <section class="adm-manage">
      <form class="adm-card adm-form adm-narrow" onSubmit={submit}>
        <h1>{s('passwordTitle')}</h1>
        {input('pw-current', s('currentPassword'), current, setCurrent, 'current-password')}
        {input('pw-next', s('newPassword'), next, setNext, 'new-password', ADMIN_LIMITS.passwordMin)}
        {input('pw-repeat', s('repeatPassword'), repeat, setRepeat, 'new-password', ADMIN_LIMITS.passwordMin)}
        <FormFooter busy={busy} error={error} done={done} label={s('save')} />
      </form>
    </section>
  )
}
