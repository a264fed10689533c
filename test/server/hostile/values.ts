import fc from 'fast-check'
import { HonoRequest } from 'hono/request'
import type { GenericSchema } from 'valibot'
import { expect } from 'vitest'
import { isErrorCode } from '../../../shared/errors'
import { INT4 } from '../../../shared/limits'
import { validate } from '../../../shared/validation'
import { type Reply } from '../../helpers/test-app'
import { dayFromToday } from '../items/fixtures'

/*
 * Hostile values for the routes' property tests, the edits that put them into a valid base, and
 * the property itself: whatever a route's schema accepts, the database accepts (an answer below 500).
 * FC_SEED=<n> draws with another seed, FC_RUNS=<k> makes k times the runs, HOSTILE_STATS=1 prints
 * how many inputs each schema accepted.
 */

// ---- Hostile values ----

/** Characters the database refuses, that a line must not hold, or that only look odd (and are fine). */
export const ODD_CHARS = [
  '\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f',
  '\u007f', '\u0080', '\u0085', '\u009f', '\u00ad', '\u2028', '\u2029', '\u200b', '\u200d', '\u200e', '\u202e',
  '\u2066', '\ufeff', '\ufffe', '\uffff', '\udb40\udc01', '\t', '\n', '\r', '\r\n', ' ', '\u3000', '\u00a0',
  '%', '_', '\\', "'", '"', '`', ';', ',', '{', '}', '[', ']', '$1', '?', '&', '#', '/', '..', 'NULL', 'null',
  '😀', '👩‍👩‍👧', '\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}', 'Ａ', '１', 'İ', 'ß', 'ﬁ', '\u212a', 'e\u0301', '\u{10FFFF}', '\ue000',
]
// Drawn more often than the rest: NUL, which PostgreSQL refuses in text and JSON, and lone
// surrogates, which the drivers turn into U+FFFD in text and PostgreSQL refuses in JSON.
export const oddChar = fc.oneof(
  { weight: 2, arbitrary: fc.constant('\u0000') },
  { weight: 2, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff') },
  { weight: 6, arbitrary: fc.constantFrom(...ODD_CHARS) },
)
/** UTF-16 code units one by one: lone surrogates of both halves included. */
export const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 10 })
/** Stands for an array nested 20,000 deep: written into the JSON as text, since JSON.stringify of it would overflow the stack. */
export const DEEP = Symbol('deep')
export const DEEP_JSON = '['.repeat(20_000) + ']'.repeat(20_000)
export const notText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(null, 0, -0, 1e308, true, false, [], ['a'], {}, { a: 'b' }, [[['deep']]]) },
  { weight: 1, arbitrary: fc.constant<unknown>(DEEP) },
)

// Made once: building a string arbitrary of all Unicode maps every code point (about 30 ms each
// time), and `text()` is called for every field of every route.
const anyUnicode = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })
const anyGraphemes = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })

/** Text near the valid `ok`: odd characters put into it, strings of all Unicode or of UTF-16 units, lengths at `max`. */
export function text(ok: string, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.array(oddChar, { minLength: 1, maxLength: 3 }), fc.nat(ok.length))
        .map(([odd, at]) => ok.slice(0, at) + odd.join('') + ok.slice(at)),
    },
    // One NUL or lone surrogate alone, so that nothing else in the text gives it away first.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('\u0000', '\u0000', '\ud800', '\udfff'), fc.nat(ok.length))
        .map(([odd, at]) => ok.slice(0, at) + odd + ok.slice(at)),
    },
    { weight: 2, arbitrary: anyUnicode },
    { weight: 1, arbitrary: anyGraphemes },
    { weight: 2, arbitrary: codeUnits },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', '\u3000\u3000', '字'.repeat(max), '😀'.repeat(max), 'a'.repeat(max + 1), ` ${'b'.repeat(max)} `, 'x'.repeat(20_000)),
    },
    { weight: 1, arbitrary: notText },
  )
}

export const EDGE_NUMBERS = [
  0, -0, 1, -1, 0.5, -0.5, 1.5, INT4.max, INT4.max + 1, INT4.min, INT4.min - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53 + 2,
  -(2 ** 53 - 1), 1e21, 1e308, -1e308, 5e-324, Infinity, -Infinity, NaN,
]
export const number = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('1', '2147483647', '', null, true, [1], {}) },
)

export const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0')
export const DAY_MS = 24 * 3600_000

/** `at` written with a UTC offset of `minutes`, e.g. `2026-12-01T20:30:00.000+08:00`. */
export function withOffset(at: Date, minutes: number): string {
  if (minutes === 0) return at.toISOString()
  const shifted = new Date(at.getTime() + minutes * 60_000)
  // At the ends of the Date range the local time has no Date: the UTC digits will do for a hostile value.
  const local = (Number.isNaN(shifted.getTime()) ? at : shifted).toISOString().slice(0, -1)
  return `${local}${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60), 2)}:${pad(minutes % 60, 2)}`
}

export const ODD_DATES = [
  '2026-13-01', '2026-02-30', '2026-02-29', '2028-02-29', '2026-00-10', '2026-04-31', '0000-01-01', '9999-12-31',
  '1999-12-31', '2000-01-01', '2199-12-31', '2200-01-01', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z',
  '2026-01-01T23:59:60Z', '2026-01-01\u0000', '2026-12-01 ', ' 2026-12-01', '２０２６-１２-０１', '2026-1-1', '20261201',
  '2026-12-01T00:00:00', '2026-12-01T00:00:00+14:59', '2026-12-01T00:00:00-14:59', '2026-12-01T00:00:00+15:00',
  '2026-12-01T00:00:00+00:60', '2000-01-01T00:00:00+14:00', '2199-12-31T23:59:59.999999999-14:00',
  '2026-12-01T12:00:00.123456789Z', '2026-12-01T12:00:00,5Z', '2026-12-01t12:00:00z', '2026-12-01T12:00Z',
  '2026-12-01T12:00:00Z\u0000', '2026-W48-1', '2026-335', '', 'now', 'today', 'infinity', '-infinity', 'epoch', 'allballs',
]
export const dayLike = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
export const instantLike = fc
  .tuple(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }), fc.integer({ min: -15 * 60, max: 15 * 60 }))
  .map(([at, minutes]) => withOffset(at, minutes))
/** Days and instants a route would take: from a year ago to two and a half years ahead, at any offset. */
export const nearDay = fc.integer({ min: -400, max: 900 }).map(dayFromToday)
export const nearInstant = fc
  .tuple(fc.integer({ min: -400 * DAY_MS, max: 900 * DAY_MS }), fc.integer({ min: -14, max: 14 }), fc.constantFrom(0, 30, 45))
  .map(([ms, h, m]) => withOffset(new Date(Date.now() + ms), h * 60 + Math.sign(h) * m))

export function date(near: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: near },
    { weight: 2, arbitrary: fc.tuple(near, oddChar, fc.boolean()).map(([d, c, before]) => (before ? c + d : d + c)) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_DATES) },
    { weight: 1, arbitrary: dayLike },
    { weight: 1, arbitrary: instantLike },
    { weight: 1, arbitrary: notText },
  )
}

/** Mostly ids the route knows, then their near misses, other UUIDs and text. */
export function uuidOf(known: string[]): fc.Arbitrary<unknown> {
  const k = fc.constantFrom(...known)
  return fc.oneof(
    { weight: 4, arbitrary: k },
    { weight: 1, arbitrary: k.map((s) => s.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(k, fc.nat(5))
        .map(([s, i]) => [` ${s}`, `${s}\u0000`, `{${s}}`, s.replace(/-/g, ''), `urn:uuid:${s}`, s.slice(0, 35)][i]!),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('-'.repeat(36), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'gggggggg-gggg-gggg-gggg-gggggggggggg'),
    },
    { weight: 1, arbitrary: text('0190a4b2-0000-7000-8000-000000000000', 36) },
  )
}

export const choice = (values: readonly string[], ok: string, max = 20) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: text(ok, max) })
export const flag = fc.oneof({ weight: 2, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom<unknown>('true', 0, 1, null, DEEP) })

// ---- Edits of a valid base ----

/** Leave the base's value (e.g. the item's current version): keeps some runs fully valid. */
export const KEEP = Symbol('keep')
/** Remove the field. */
export const OMIT = Symbol('omit')
export type Edit = [string, unknown]
/** A field drawn `weight` times as often as the others: the one most likely to reach the database. */
export class Often {
  constructor(
    readonly arb: fc.Arbitrary<unknown>,
    readonly weight: number,
  ) {}
}
export type Fields = Record<string, fc.Arbitrary<unknown> | Often>

export const keepOr = (arb: fc.Arbitrary<unknown>, keepWeight = 2) => fc.oneof({ weight: keepWeight, arbitrary: fc.constant(KEEP) }, { weight: 3, arbitrary: arb })
export const version = keepOr(number, 3)

/** One to `max` fields replaced (or removed), now and then a field the schema does not know. */
export function edits(fields: Fields, max = 2): fc.Arbitrary<Edit[]> {
  const one = fc.oneof(
    ...Object.entries(fields).map(([key, field]) => ({
      weight: field instanceof Often ? field.weight : 1,
      arbitrary: fc.tuple(
        fc.constant(key),
        fc.oneof({ weight: 12, arbitrary: field instanceof Often ? field.arb : field }, { weight: 1, arbitrary: fc.constant<unknown>(OMIT) }),
      ),
    })),
  )
  const unknown = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', ''), fc.constantFrom<unknown>('x', 1, null, { polluted: true }))
  return fc.oneof({ weight: 15, arbitrary: fc.array(one, { minLength: 1, maxLength: max }) }, { weight: 1, arbitrary: unknown.map((e) => [e]) })
}

export function applyEdits(base: Record<string, unknown>, list: Edit[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of list) {
    if (value === KEEP) continue
    if (value === OMIT) delete out[key]
    // defineProperty: `__proto__` becomes a field, as JSON.parse makes it, not the prototype.
    else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** Bodies that are not the object a route expects at all, some not JSON. */
export const RAW_BODIES = [
  'null', '[]', '"text"', '1', 'true', '{}', '[{}]', '', '{', '{"version":1,}', '\ufeff{}', '{"a":{"b":{"c":{}}}}',
  '{"__proto__":{"polluted":true}}', '['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
]
export type BodyInput = { edits: Edit[] } | { raw: string }
/** How a counterexample shows a raw body: its start and length, not 40,000 brackets. */
export const describeRaw = (r: string) => `{ raw: ${JSON.stringify(r.length > 160 ? `${r.slice(0, 140)}…${r.slice(-40)}` : r)} (${r.length} chars) }`
export function body(fields: Fields, max = 2, raw: string[] = RAW_BODIES): fc.Arbitrary<BodyInput> {
  return fc.oneof(
    { weight: 19, arbitrary: edits(fields, max).map((e) => ({ edits: e })) },
    { weight: 1, arbitrary: fc.constantFrom(...raw).map((r) => ({ raw: r, [fc.toStringMethod]: () => describeRaw(r) })) },
  )
}

/** JSON as a careless client writes it: -0 stays -0, infinities become 1e999 (which parses back to them). */
export function toJson(value: unknown): string {
  const marked = JSON.stringify(value, (_key, v: unknown) =>
    Object.is(v, -0) ? '@@-0@@' : v === Infinity ? '@@inf@@' : v === -Infinity ? '@@-inf@@' : v === DEEP ? '@@deep@@' : v,
  )
  return marked
    .replace(/"@@-0@@"/g, '-0')
    .replace(/"@@inf@@"/g, '1e999')
    .replace(/"@@-inf@@"/g, '-1e999')
    .replace(/"@@deep@@"/g, () => DEEP_JSON)
}

export const wire = (base: Record<string, unknown>, input: BodyInput) => ('raw' in input ? input.raw : toJson(applyEdits(base, input.edits)))

/** Whether `schema` accepts the body the server will parse. */
export function accepts(schema: GenericSchema, json: string): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return false
  }
  return validate(schema, parsed).ok
}

/** Percent-encoding of every character; a lone surrogate as the three bytes a careless encoder writes. */
export function encode(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (pair) out += encodeURIComponent(s.slice(i, ++i + 1))
    else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else out += encodeURIComponent(s[i]!)
  }
  return out
}

/** Query-string pieces written by hand: bad escapes, NUL, a surrogate's bytes, repeated keys. */
export const RAW_QUERY = fc.constantFrom(
  'q=%', 'q=%ZZ', 'q=%00', 'q=a%00b', 'from=%ED%A0%80', 'q=%ED%B0%80', 'status=submitted&status=%00', 'cursor=%FF%FE',
  'limit=%31%30', 'q', '&&', '=x', 'q=a+b', 'q=%2B%25', 'to=2026-13-01', 'from=2026-01-01%00', 'q=%C0%80', 'q=%E2%80%AE',
)

/** The query as the server parses it (Hono's own decoding, bad escapes left as they are). */
export const serverQuery = (path: string) => new HonoRequest(new Request(`http://localhost${path}`)).query()

export function queryString(list: Edit[], raw: string | null): string {
  const pairs = Object.entries(applyEdits({}, list)).map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : toJson(v))}`)
  if (raw) pairs.push(raw)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

// ---- The property ----

/** Below 500, and any refusal in the one error shape with a known code. */
export function expectAnswered(res: Reply): void {
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`)
  if (res.status >= 300) {
    const error = res.body?.error
    expect(isErrorCode(error?.code) && typeof error?.message === 'string', `error shape of ${res.status} ${JSON.stringify(res.body)}`).toBe(true)
  }
}

export interface Opts {
  runs: number
  seed: number
}

export const runsOf = (runs: number) => Math.round(runs * (Number(process.env.FC_RUNS) || 1))

export async function hostile<T>(route: string, arb: fc.Arbitrary<T>, run: (input: T) => Promise<{ res: Reply; accepted: boolean }>, opts: Opts) {
  let runs = 0
  let accepted = 0
  const started = performance.now()
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const out = await run(input)
      runs++
      if (out.accepted) accepted++
      expectAnswered(out.res)
    }),
    { numRuns: runsOf(opts.runs), seed: Number(process.env.FC_SEED) || opts.seed },
  )
  if (process.env.HOSTILE_STATS) {
    console.info(`[hostile] ${route}: ${accepted}/${runs} accepted by the schema, ${Math.round(performance.now() - started)} ms`)
  }
  // A fifth of the inputs at least must pass the schema and go on to the database.
  expect(accepted, `${route}: inputs the schema accepted of ${runs}`).toBeGreaterThanOrEqual(Math.ceil(runs * 0.2))
}
