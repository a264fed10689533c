/**
 * Follow-up codes (查询码): 80 random bits in Crockford base32, shown as four groups of four,
 * e.g. `7K3M-9QXD-2HFT-A8ZC`. Made on the device so that the worker has it before any network;
 * the server keeps only a hash.
 */
import { LIMITS } from './limits'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = LIMITS.followUpCodeLength
// Five bits a character: 16 characters are the 80 random bits, 10 bytes.
const BYTES = (LENGTH * 5) / 8

/** A new random follow-up code in display form (drawn again in the rare case it is guessable). */
export function newFollowUpCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = defaultRandom): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = encodeFollowUpCode(random(new Uint8Array(BYTES)))
    if (normalizeFollowUpCode(code)) return code
  }
  throw new Error('the random source gives guessable follow-up codes')
}

/** Ten bytes as a follow-up code in display form. */
export function encodeFollowUpCode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += ALPHABET[(value >>> bits) & 31]
    }
    value &= (1 << bits) - 1
  }
  return formatFollowUpCode(out)
}

/**
 * What a person typed, in canonical form (16 characters, no separators), or null if it
 * cannot be a code or is one anybody could guess (`0000-0000-0000-0000`, `0123-4567-89AB-CDEF`).
 * Accepts lower case, spaces and dashes, and the look-alikes O/I/L.
 */
export function normalizeFollowUpCode(input: string): string | null {
  const canonical = canonicalFollowUpCode(input)
  return canonical && !isGuessable(canonical) ? canonical : null
}

/**
 * Codes of fewer than 5 different characters, or a straight run of the alphabet. A drawn code
 * is one of these about once in 10^10 (and is drawn again); a device that sends one was not random.
 */
function isGuessable(canonical: string): boolean {
  if (new Set(canonical).size < 5) return true
  const steps = new Set<number>()
  for (let i = 1; i < canonical.length; i++) steps.add(ALPHABET.indexOf(canonical[i]!) - ALPHABET.indexOf(canonical[i - 1]!))
  return steps.size === 1
}

/** The canonical form of a code's characters, guessable or not: what a stored item's replay is matched by. */
export function canonicalFollowUpCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (compact.length !== LENGTH) return null
  for (const ch of compact) if (!ALPHABET.includes(ch)) return null
  return compact
}

/** Groups a canonical code for display: `XXXX-XXXX-XXXX-XXXX`. */
export function formatFollowUpCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical
}

function defaultRandom(bytes: Uint8Array<ArrayBuffer>): Uint8Array {
  return globalThis.crypto.getRandomValues(bytes)
}
