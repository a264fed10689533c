/**
 * The requests of `bench/sustained.ts`, each with the check of its answer: a worker's submit
 * (one item, as the form sends it), a worker's follow-up lookup of items stored earlier, and an
 * officer's inbox page: 50 / 25 / 25, each block of four slots in a random order (a fixed
 * order of even length behind a round-robin of two would send each kind to one process only).
 */
import { Agent, request } from 'node:http'
import { DEFAULT_CATEGORIES } from '../shared/categories'
import { newFollowUpCode } from '../shared/follow-up-code'
import { deviceId } from '../shared/uuid'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { SERVED_BY } from './sustained-proxy'

export type Kind = 'submit' | 'track' | 'inbox'
export const KINDS: readonly Kind[] = ['submit', 'track', 'inbox']
const SLOTS: readonly Kind[] = ['submit', 'track', 'submit', 'inbox']

export interface Answer {
  status: number
  servedBy: string
  setCookie: string[]
  text: string
}

export interface Outcome {
  status: number
  servedBy: string
  /** Why the answer is wrong, or undefined when it is right. */
  problem?: string
  /** A lookup asked for an item stored by the other process. */
  crossed?: boolean
  /** Not sent: a lookup before any item was stored (only at the very start). */
  skipped?: boolean
}

/** The bench's own address, apart from the proxy's 127.0.0.1: the apps must key limits on it. */
export const CLIENT_ADDRESS = '127.0.0.2'

// One pool for the run, made again for the next. Idle sockets go before the proxy's 5 s keep-alive timeout.
let agent: Agent | null = null

/** One request; the body is JSON. Rejects on a network error or after `timeoutMs`. */
export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: unknown, timeoutMs = 10_000): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: CLIENT_ADDRESS,
        method,
        path,
        agent: (agent ??= new Agent({ keepAlive: true, timeout: 4000 })),
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            servedBy: String(res.headers[SERVED_BY] ?? 'direct'),
            setCookie: res.headers['set-cookie'] ?? [],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(payload)
  })
}

export function closeClient(): void {
  agent?.destroy()
  agent = null
}

const ENTRY_POINTS = ['base-wall', 'base-grid', 'base-canteen', 'cs1', 'cs2', 'cs3']
const PHRASES = ['食堂的饭菜太咸了', '宿舍空调坏了，夏天很难熬', '班车时间不合适', '希望增加技能培训', '井场道路需要平整', '值班室漏雨']

interface Stored {
  id: string
  code: string
  servedBy: string
}

export class Mix {
  /** Items answered 201, with the process that stored each. */
  readonly stored: Stored[] = []
  #inbox = 0
  #lookups = 0
  #cursor: string | null = null
  #block: readonly Kind[] = SLOTS

  constructor(
    readonly port: number,
    /** Officer sessions, used in turn (one made by each process). */
    readonly sessions: string[],
  ) {}

  /** Slots are asked for in order; each block is shuffled when its first slot is. */
  kindOf(slot: number): Kind {
    if (slot % SLOTS.length === 0) this.#block = shuffled(SLOTS)
    return this.#block[slot % SLOTS.length]!
  }

  run(kind: Kind, slot: number): Promise<Outcome> {
    if (kind === 'submit') return this.submit(slot)
    if (kind === 'track') return this.track()
    return this.inbox()
  }

  async submit(slot: number): Promise<Outcome> {
    const named = slot % 10 === 0
    const item = {
      id: deviceId(),
      followUpCode: newFollowUpCode(),
      entryPoint: ENTRY_POINTS[slot % ENTRY_POINTS.length]!,
      category: DEFAULT_CATEGORIES[slot % DEFAULT_CATEGORIES.length]!.id,
      content: `${PHRASES[slot % PHRASES.length]}（压测第 ${slot} 条）`,
      anonymous: !named,
      ...(named ? { submitter: { name: '压测工人', phone: '13800138000' } } : {}),
      createdAt: new Date().toISOString(),
    }
    const a = await send(this.port, 'POST', '/api/suggestions', {}, { items: [item] })
    const result = a.status === 201 ? (JSON.parse(a.text) as { results: Array<{ id: string; result: string }> }).results[0] : undefined
    if (result?.result !== 'created' || result.id !== item.id) return { ...a, problem: `${a.status} ${a.text.slice(0, 300)}` }
    this.stored.push({ id: item.id, code: item.followUpCode, servedBy: a.servedBy })
    return a
  }

  /** One code as 查询 asks, or five as a phone's sync refreshes its items (1 lookup in 4). */
  async track(): Promise<Outcome> {
    const n = this.#lookups++ % 4 === 3 ? 5 : 1
    const picked = Array.from({ length: Math.min(n, this.stored.length) }, () => this.stored[Math.floor(Math.random() * this.stored.length)]!)
    if (!picked.length) return { status: 0, servedBy: '', skipped: true }
    const a = await send(this.port, 'POST', '/api/track', {}, { codes: picked.map((p) => p.code) })
    if (a.status !== 200) return { ...a, problem: `${a.status} ${a.text.slice(0, 300)}` }
    const { results } = JSON.parse(a.text) as { results: Array<{ found: boolean; item?: { id: string } }> }
    const wrong = picked.findIndex((p, i) => !results[i]?.found || results[i]!.item?.id !== p.id)
    if (results.length !== picked.length || wrong >= 0) return { ...a, problem: `lookup of ${picked[Math.max(0, wrong)]!.id}: ${a.text.slice(0, 300)}` }
    return { ...a, crossed: picked.some((p) => p.servedBy !== a.servedBy) }
  }

  /** The first page, the next one by the last cursor, a status filter, a search. */
  async inbox(): Promise<Outcome> {
    const session = this.sessions[this.#inbox % this.sessions.length]!
    const variant = this.#inbox++ % 4
    const query =
      variant === 1 && this.#cursor ? `?cursor=${encodeURIComponent(this.#cursor)}` : variant === 2 ? '?status=submitted' : variant === 3 ? `?q=${encodeURIComponent('食堂')}` : ''
    const a = await send(this.port, 'GET', `/api/admin/items${query}`, { cookie: `${SESSION_COOKIE}=${session}` })
    if (a.status !== 200) return { ...a, problem: `${query || 'first page'}: ${a.status} ${a.text.slice(0, 300)}` }
    const page = JSON.parse(a.text) as { items?: unknown[]; nextCursor?: string | null }
    if (!Array.isArray(page.items)) return { ...a, problem: `${query || 'first page'}: no items in ${a.text.slice(0, 200)}` }
    if (variant === 0) this.#cursor = page.nextCursor ?? null
    return a
  }
}

function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
