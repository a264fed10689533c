import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { enqueue } from '../../client/local-db/outbox'
import { addDraftPhoto, DRAFT_OWNER } from '../../client/local-db/photos'
import type { LocalDb } from '../../client/local-db/db'
import { syncOnce } from '../../client/sync/engine'
import { PHOTO_LIMITS, type UploadAnswer } from '../../shared/photos'
import { testApp } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'
import { newDevice, workerItem } from './device-fixtures'

const roomy = async () => ({ quota: 1e10, usage: 0 })

/** A prepared photo as prepare.ts makes one: bytes and their SHA-256 (content made up, size as asked). */
function photo(bytes: number, seed = 1) {
  const data = new Uint8Array(bytes).map((_, i) => (i * 31 + seed * 7) & 0xff)
  return { blob: new Blob([data], { type: 'image/jpeg' }), sha256: createHash('sha256').update(data).digest('hex'), width: 1600, height: 1200 }
}

async function queueWithPhotos(db: LocalDb, photos: ReturnType<typeof photo>[]) {
  for (const p of photos) expect(await addDraftPhoto(db, p, roomy)).toBe('added')
  const item = workerItem('井场围栏破损，羊群进了井场。')
  await enqueue(db, item, null)
  return item
}

/**
 * The photo route as shared/photos.ts describes it, held in memory, in front of the real app
 * (which stores the items): faults cut the link after some chunks, or lose an answer.
 */
function photoServer(app: ReturnType<typeof testApp>) {
  const partial = new Map<string, Uint8Array>()
  const stored = new Map<string, { bytes: Uint8Array; times: number }>()
  const log: string[] = []
  const state = { cutAfterChunks: Infinity, dropAnswerOfChunk: -1, refuse: new Map<string, string>(), chunks: 0, photosDown: false }
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input)
    if (path !== '/api/track/photos') {
      log.push(`${init.method ?? 'GET'} ${path}`)
      return app.request(path, init)
    }
    const headers = new Headers(init.headers)
    const [itemId, sha] = [headers.get('x-item-id')!, headers.get('x-photo-sha256')!]
    const key = `${itemId}/${sha}`
    const range = headers.get('content-range') ?? ''
    log.push(`PUT photo ${range}`)
    if (state.photosDown) throw new TypeError('Failed to fetch')
    if (state.refuse.has(sha)) return json({ error: { code: state.refuse.get(sha), message: '照片太大' } }, 413)
    const done = stored.get(key)
    const held = partial.get(key) ?? new Uint8Array()
    const answer = (): UploadAnswer => (stored.has(key) ? { received: stored.get(key)!.bytes.length, complete: true, photo: view(sha, stored.get(key)!.bytes.length) } : { received: (partial.get(key) ?? new Uint8Array()).length, complete: false })
    if (range.startsWith('bytes */') || done) return json(answer())
    if (state.chunks >= state.cutAfterChunks) throw new TypeError('network connection was lost')
    const [, start, , total] = /bytes (\d+)-(\d+)\/(\d+)/.exec(range)!.map(Number) as number[]
    if (start !== held.length) return json(answer())
    const chunk = new Uint8Array(await (init.body as Blob).arrayBuffer())
    const next = new Uint8Array(held.length + chunk.length)
    next.set(held)
    next.set(chunk, held.length)
    partial.set(key, next)
    if (next.length === total) {
      partial.delete(key)
      if (createHash('sha256').update(next).digest('hex') !== sha) return json({ error: { code: 'photo_hash_mismatch', message: '' } }, 422)
      stored.set(key, { bytes: next, times: (stored.get(key)?.times ?? 0) + 1 })
    }
    // The answer to this chunk is lost on the way back, after the server applied it.
    if (state.chunks++ === state.dropAnswerOfChunk) throw new TypeError('network connection was lost')
    return json(answer())
  }) as typeof fetch
  return { fetch: fetchFn, log, state, stored, chunkPuts: () => log.filter((l) => /^PUT photo bytes \d/.test(l)) }
}

function view(sha256: string, bytes: number) {
  return { id: `p-${sha256.slice(0, 8)}`, sha256, origin: 'worker' as const, assignmentId: null, width: 1600, height: 1200, bytes, createdAt: new Date().toISOString() }
}

describeEachDialect('photos of an item on the device and in sync', ({ db }) => {
  it('keeps photos with the draft, then gives them to the item in the queueing transaction', async () => {
    const { db: device } = newDevice()
    const [a, b] = [photo(40_000, 1), photo(30_000, 2)]
    const item = await queueWithPhotos(device, [a, b])
    const rows = await device.photos.toArray()
    expect(rows.map((r) => [r.owner, r.state, r.sha256]).sort()).toEqual([[item.id, 'queued', a.sha256], [item.id, 'queued', b.sha256]].sort())
    expect(await device.photos.where('owner').equals(DRAFT_OWNER).count()).toBe(0)
    expect(new Uint8Array(await rows.find((r) => r.sha256 === a.sha256)!.blob.arrayBuffer())).toEqual(new Uint8Array(await a.blob.arrayBuffer()))

    // A queueing that fails leaves the photos with the draft, as it leaves the words.
    const c = photo(10_000, 3)
    await addDraftPhoto(device, c, roomy)
    await expect(enqueue(device, { ...workerItem(), id: item.id }, null)).rejects.toThrow()
    expect((await device.photos.get(`${DRAFT_OWNER}/${c.sha256}`))?.state).toBe('draft')
  })

  it('refuses a photo the phone has no room for, a fourth one, and the same one twice', async () => {
    const { db: device } = newDevice()
    expect(await addDraftPhoto(device, photo(300_000), async () => ({ quota: 1_000_000_000, usage: 999_000_000 }))).toBe('full')
    expect(await device.photos.count()).toBe(0)
    for (let i = 1; i <= PHOTO_LIMITS.perItem; i++) expect(await addDraftPhoto(device, photo(1000, i), roomy)).toBe('added')
    expect(await addDraftPhoto(device, photo(1000, 1), roomy)).toBe('duplicate')
    expect(await addDraftPhoto(device, photo(1000, 9), roomy)).toBe('too_many')
  })

  it('sends a photo only after its item is acknowledged, in chunks, and never makes the item wait', async () => {
    const server = photoServer(testApp(db()))
    const { db: device } = newDevice()
    const p = photo(100_000)
    const item = await queueWithPhotos(device, [p])

    // The photo route down: the item is delivered all the same, in the same sync.
    server.state.photosDown = true
    const first = await syncOnce({ db: device, fetch: server.fetch, refresh: false })
    expect(first).toMatchObject({ acknowledged: 1, ok: false })
    expect((await device.mine.get(item.id))?.delivery).toBe('received')
    expect(server.log[0]).toBe('POST /api/suggestions')
    expect((await device.photos.toArray())[0]?.state).toBe('queued')

    server.state.photosDown = false
    const second = await syncOnce({ db: device, fetch: server.fetch, refresh: false })
    expect(second).toMatchObject({ ok: true, photos: 1 })
    expect(server.chunkPuts()).toEqual(['PUT photo bytes 0-32767/100000', 'PUT photo bytes 32768-65535/100000', 'PUT photo bytes 65536-98303/100000', 'PUT photo bytes 98304-99999/100000'])
    expect(server.stored.get(`${item.id}/${p.sha256}`)?.times).toBe(1)
    expect(server.stored.get(`${item.id}/${p.sha256}`)?.bytes).toEqual(new Uint8Array(await p.blob.arrayBuffer()))
    expect((await device.photos.toArray())[0]?.state).toBe('sent')
    // Sent is sent: the next sync asks nothing about it.
    const puts = server.log.length
    await syncOnce({ db: device, fetch: server.fetch, refresh: false })
    expect(server.log.slice(puts).some((l) => l.startsWith('PUT photo'))).toBe(false)
  })

  it('resumes a photo cut mid-way where the server stopped, not from zero', async () => {
    const server = photoServer(testApp(db()))
    const { db: device } = newDevice()
    const p = photo(100_000)
    const item = await queueWithPhotos(device, [p])
    server.state.cutAfterChunks = 2
    expect(await syncOnce({ db: device, fetch: server.fetch, refresh: false })).toMatchObject({ acknowledged: 1, ok: false, failure: 'network' })
    expect((await device.photos.toArray())[0]?.state).toBe('queued')

    server.state.cutAfterChunks = Infinity
    const before = server.chunkPuts().length
    expect(await syncOnce({ db: device, fetch: server.fetch, refresh: false })).toMatchObject({ ok: true, photos: 1 })
    expect(server.chunkPuts().slice(before)).toEqual(['PUT photo bytes 65536-98303/100000', 'PUT photo bytes 98304-99999/100000'])
    expect(server.stored.get(`${item.id}/${p.sha256}`)).toMatchObject({ times: 1, bytes: new Uint8Array(await p.blob.arrayBuffer()) })
  })

  it('stores a photo once when the answer to its last chunk is lost', async () => {
    const server = photoServer(testApp(db()))
    const { db: device } = newDevice()
    const p = photo(40_000)
    const item = await queueWithPhotos(device, [p])
    server.state.dropAnswerOfChunk = 1 // the second and last chunk
    expect(await syncOnce({ db: device, fetch: server.fetch, refresh: false })).toMatchObject({ ok: false })
    expect(server.stored.get(`${item.id}/${p.sha256}`)?.times).toBe(1)
    expect((await device.photos.toArray())[0]?.state).toBe('queued')

    const before = server.chunkPuts().length
    expect(await syncOnce({ db: device, fetch: server.fetch, refresh: false })).toMatchObject({ ok: true, photos: 1 })
    expect(server.chunkPuts().length).toBe(before) // the server already had it: it only said so
    expect(server.stored.get(`${item.id}/${p.sha256}`)?.times).toBe(1)
    expect((await device.photos.toArray())[0]?.state).toBe('sent')
  })

  it('marks a photo refused for good with the message, and sends the others', async () => {
    const server = photoServer(testApp(db()))
    const { db: device } = newDevice()
    const [big, fine] = [photo(20_000, 1), photo(20_000, 2)]
    const item = await queueWithPhotos(device, [big, fine])
    server.state.refuse.set(big.sha256, 'photo_too_large')
    expect(await syncOnce({ db: device, fetch: server.fetch, refresh: false })).toMatchObject({ ok: true, acknowledged: 1, photos: 1 })
    expect(await device.photos.get(`${item.id}/${big.sha256}`)).toMatchObject({ state: 'rejected', error: { code: 'photo_too_large', message: '照片太大' } })
    expect((await device.photos.get(`${item.id}/${fine.sha256}`))?.state).toBe('sent')
    // Refused stays refused: no retry on the next sync.
    const before = server.log.length
    await syncOnce({ db: device, fetch: server.fetch, refresh: false })
    expect(server.log.slice(before).filter((l) => l.startsWith('PUT photo'))).toEqual([])
  })
})
