/**
 * One request's log line. The path is what the client sent, decoded: control characters in it
 * (a `%0A` would start a forged line) are written as escapes, and a long one is cut.
 */
export function logLine(method: string, path: string, status?: number, ms?: number): string {
  const shown = escapeControls(path.length > 300 ? `${path.slice(0, 300)}…` : path)
  return [escapeControls(method), shown, status, ms === undefined ? undefined : `${Math.round(ms)}ms`].filter((x) => x !== undefined).join(' ')
}

// C0, DEL, C1, and the Unicode line and paragraph separators: everything a log reader could take as a break.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** A logger that writes at most one line per `everyMs`, saying how many it held back. */
export function throttledLog(everyMs: number, write: (line: string) => void = (line) => console.error(line)) {
  let last = 0
  let held = 0
  return (line: string) => {
    const now = Date.now()
    if (now - last < everyMs) {
      held++
      return
    }
    write(held ? `${line} (and ${held} more like it)` : line)
    last = now
    held = 0
  }
}
