/** An error (announced at once) or a confirmation; nothing when the text is empty. */
export function Message({ text, ok = false }: { text: string; ok?: boolean }) {
  if (!text) return null
  return ok ? (
    <p class="adm-msg adm-msg-ok" role="status">
      {text}
    </p>
  ) : (
    <p class="adm-msg adm-msg-error" role="alert">
      {text}
    </p>
  )
}
