import { useState } from 'preact/hooks'
import { failureText } from '../api'

/** A form's submit handler with its busy flag and the error or success text to show. */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  async function run(work: () => Promise<string | void>): Promise<boolean> {
    setBusy(true)
    setError('')
    setDone('')
    try {
      setDone((await work()) ?? '')
      return true
    } catch (err) {
      setError(failureText(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, done, setError, run }
}
