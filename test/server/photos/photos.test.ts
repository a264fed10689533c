import jpeg from 'jpeg-js'
import { expect, it } from 'vitest'
import { prunePhotos } from '../../../server/photos/store'
import { PHOTO_LIMITS } from '../../../shared/photos'
import { describeEachDialect } from '../../helpers/test-db'
import { bombJpeg, CAMERA_WORDS, jpegWithExif, plainJpeg, sha256 } from '../../helpers/jpeg'
import { cast, dayFromToday, type Cast } from '../items/fixtures'

type App = Cast['app']

/** One PUT of the upload protocol (shared/photos.ts): a chunk from `start`, or a question (`start` null). */
async function put(app: App, path: string, headers: Record<string, string>, bytes: Buffer, start: number | null, size = 1024) {
  const chunk = start === null ? null : bytes.subarray(start, Math.min(bytes.length, start + size))
  const range = chunk ? `bytes ${start}-${start! + chunk.length - 1}/${bytes.length}` : `bytes */${bytes.length}`
  const [url, key] = path.split('#')
  const named: Record<string, string> = key ? { 'x-item-id': key.split('/')[0]!, 'x-photo-sha256': key.split('/')[1]! } : {}
  const res = await app.request(url!, { method: 'PUT', headers: { ...headers, ...named, 'content-range': range, 'content-type': 'application/octet-stream' }, body: chunk ? new Uint8Array(chunk) : undefined })
  return { status: res.status, body: (await res.json()) as any }
}

/** Sends the whole photo a chunk at a time, as a phone does; the last answer. */
async function upload(app: App, path: string, headers: Record<string, string>, bytes: Buffer, size = 1024) {
  let answer = await put(app, path, headers, bytes, null)
  while (answer.status === 200 && !answer.body.complete) answer = await put(app, path, headers, bytes, answer.body.received, size)
  return answer
}

const decodes = (bytes: Uint8Array) => jpeg.decode(bytes, { useTArray: true })

describeEachDialect('photos: stored once, whole and without metadata, shown only to those who may see the item', ({ db }) => {
  // The worker's upload names the item and the photo in headers (proxies log URLs): see `put`.
  const workerPath = (id: string, bytes: Buffer) => `/api/track/photos#${id}/${sha256(bytes)}`

  it('a worker’s photo with camera EXIF and GPS arrives in chunks, resumes, and is kept as a clean JPEG', async () => {
    const c = await cast(db())
    const { id, code } = await c.submit('宿舍的热水器坏了，照片如下', { anonymous: false, submitter: { name: '张三' } })
    const photo = jpegWithExif(plainJpeg(400, 300))
    for (const word of CAMERA_WORDS) expect(photo.includes(word), word).toBe(true)
    const headers = { 'x-follow-up-code': code }
    // Two chunks, then the link drops; the phone asks where to go on, and a stale chunk is not stored twice.
    expect((await put(c.app, workerPath(id, photo), headers, photo, 0)).body).toEqual({ received: 1024, complete: false })
    expect((await put(c.app, workerPath(id, photo), headers, photo, 1024)).body).toEqual({ received: 2048, complete: false })
    expect((await put(c.app, workerPath(id, photo), headers, photo, 0)).body).toEqual({ received: 2048, complete: false })
    expect((await put(c.app, workerPath(id, photo), headers, photo, null)).body).toEqual({ received: 2048, complete: false })
    const done = await upload(c.app, workerPath(id, photo), headers, photo)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ received: photo.length, complete: true, photo: { sha256: sha256(photo), origin: 'worker', assignmentId: null, width: 400, height: 300 } })
    // A lost answer: the phone sends the last chunk again, and hears the same; one row.
    const again = await put(c.app, workerPath(id, photo), headers, photo, photo.length - 10, 10)
    expect(again.body).toEqual(done.body)
    const rows = await db().db.selectFrom('photos').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(await db().db.selectFrom('photo_chunks').select('photo_id').execute()).toEqual([])
    // A Buffer: a Uint8Array's includes() takes a byte, and would find no word at all.
    const stored = Buffer.from(rows[0]!.image!)
    for (const word of CAMERA_WORDS) expect(stored.includes(word), word).toBe(false)
    expect(stored.includes(Buffer.from([0xff, 0xe1]))).toBe(false)
    expect(decodes(stored)).toMatchObject({ width: 400, height: 300 })
    expect(decodes(rows[0]!.thumb!)).toMatchObject({ width: 320, height: 240 })
    for (const word of CAMERA_WORDS) expect(Buffer.from(rows[0]!.thumb!).includes(word), word).toBe(false)

    // The union sees it on the item; the worker sees it through the code; both as private JPEG.
    const detail = await c.sessions.officer.get(`/api/admin/items/${id}`)
    expect(detail.body.photos).toEqual([done.body.photo])
    const full = await c.app.request(`/api/admin/photos/${done.body.photo.id}`, { headers: { cookie: c.sessions.officer.cookie } })
    expect([full.status, full.headers.get('content-type'), full.headers.get('cache-control'), full.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'private, max-age=86400', 'nosniff'])
    expect(Buffer.from(await full.arrayBuffer()).equals(stored)).toBe(true)
    expect((await c.track(code)).photos).toEqual([done.body.photo])
    const mine = await c.app.request('/api/track/photo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, photoId: done.body.photo.id, thumb: true }) })
    expect([mine.status, mine.headers.get('cache-control')]).toEqual([200, 'private, max-age=86400'])
    expect(decodes(new Uint8Array(await mine.arrayBuffer()))).toMatchObject({ width: 320 })
  })

  it('refuses with a 4xx and keeps nothing: not an image, a decompression bomb, too large, a wrong hash, a fourth photo, a wrong code', async () => {
    const c = await cast(db())
    const { id, code } = await c.submit('食堂的饭菜太咸了')
    const headers = { 'x-follow-up-code': code }
    const text = Buffer.from('这不是照片'.repeat(300))
    expect((await upload(c.app, workerPath(id, text), headers, text)).body.error.code).toBe('invalid_photo')
    const bomb = bombJpeg()
    expect(await upload(c.app, workerPath(id, bomb), headers, bomb)).toMatchObject({ status: 413, body: { error: { code: 'photo_too_large' } } })
    const huge = Buffer.alloc(PHOTO_LIMITS.maxBytes + 1, 1)
    expect(await put(c.app, workerPath(id, huge), headers, huge, null)).toMatchObject({ status: 413, body: { error: { code: 'photo_too_large' } } })
    // The bytes do not hash to the key: the phone starts again from zero.
    const photo = plainJpeg()
    const wrong = `/api/track/photos#${id}/${sha256(Buffer.from("other"))}`
    expect(await upload(c.app, wrong, headers, photo)).toMatchObject({ status: 422, body: { error: { code: 'photo_hash_mismatch' } } })
    expect((await put(c.app, wrong, headers, photo, null)).body).toEqual({ received: 0, complete: false })
    // Ranges that do not fit the body, or too much at once.
    const named = { ...headers, 'x-item-id': id, 'x-photo-sha256': sha256(photo) }
    for (const range of ['bytes 0-9/100', 'bytes 5-1/100', 'bytes 0-99/99', 'bytes x', 'bytes */0']) {
      const res = await c.app.request('/api/track/photos', { method: 'PUT', headers: { ...named, 'content-range': range }, body: new Uint8Array(20) })
      expect(res.status, range).toBe(400)
    }
    const big = Buffer.alloc(PHOTO_LIMITS.maxChunkBytes + 1, 7)
    const tooBig = await c.app.request('/api/track/photos', { method: 'PUT', headers: { ...named, 'content-range': `bytes 0-${big.length - 1}/${big.length + 10}` }, body: new Uint8Array(big) })
    expect(tooBig.status).toBe(400)
    // A wrong code or an item that is not there looks like nothing at all.
    const other = await c.submit('另一位员工的意见')
    expect((await put(c.app, workerPath(id, photo), { 'x-follow-up-code': other.code }, photo, null)).status).toBe(404)
    expect((await put(c.app, workerPath(id, photo), {}, photo, null)).status).toBe(400)
    expect((await put(c.app, `/api/track/photos#${id}/not-a-hash`, headers, photo, null)).status).toBe(404)
    expect((await put(c.app, `/api/track/photos`, headers, photo, null)).status).toBe(404)
    const complete = await db().db.selectFrom('photos').select(['sha256', 'complete']).where('complete', '=', true).execute()
    expect(complete).toEqual([])
    // Three photos an item; the fourth is refused, even when they come at once.
    const four = [1, 2, 3, 4, 5, 6].map((n) => plainJpeg(16 + n, 16))
    const answers = await Promise.all(four.map((p) => upload(c.app, workerPath(id, p), headers, p)))
    expect(answers.filter((a) => a.status === 200 && a.body.complete)).toHaveLength(2) // the mismatched one holds the third place
    expect(new Set(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.error.code}`))).toEqual(new Set(['409 too_many_photos']))
  })

  it('a handler reports back with a photo: the union and the worker see it; one not yet sent with a report nobody does', async () => {
    const c = await cast(db())
    const { id, code } = await c.submit('一站值班室漏雨')
    await c.act(c.sessions.officer, id, 'accept', { summary: '值班室漏雨' })
    const dispatched = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(3) })
    const staffPath = (bytes: Buffer) => `/api/admin/items/${id}/photos/${sha256(bytes)}`
    const session = (who: 'handler1' | 'handler2' | 'leader' | 'admin' | 'officer') => ({ cookie: c.sessions[who].cookie, origin: 'http://localhost', host: 'localhost', 'x-csrf-token': c.sessions[who].csrf })
    const fixed = plainJpeg(80, 60)
    const pending = plainJpeg(40, 30)
    expect((await upload(c.app, staffPath(fixed), session('handler1'), fixed)).body).toMatchObject({ complete: true, photo: { origin: 'staff', assignmentId: null } })
    expect((await upload(c.app, staffPath(pending), session('handler1'), pending)).body.complete).toBe(true)
    // Not theirs to add to: another station's handler, a leader, an admin, a write without the CSRF token.
    expect((await put(c.app, staffPath(fixed), session('handler2'), fixed, null)).status).toBe(404)
    expect((await put(c.app, staffPath(fixed), session('leader'), fixed, null)).status).toBe(403)
    expect((await put(c.app, staffPath(fixed), session('admin'), fixed, null)).status).toBe(403)
    expect((await put(c.app, staffPath(fixed), { ...session('handler1'), 'x-csrf-token': 'nope' }, fixed, null)).status).toBe(403)
    // Taken back before the report: it no longer counts, and only its uploader may take it back.
    const dropped = plainJpeg(24, 24)
    expect((await upload(c.app, staffPath(dropped), session('handler1'), dropped)).body.complete).toBe(true)
    expect((await c.app.request(staffPath(dropped), { method: 'DELETE', headers: session('officer') })).status).toBe(404)
    expect((await c.app.request(staffPath(dropped), { method: 'DELETE', headers: session('handler1') })).status).toBe(204)
    expect((await c.app.request(staffPath(dropped), { method: 'DELETE', headers: session('handler1') })).status).toBe(404)
    // Waiting for its report: on no view yet.
    expect((await c.sessions.officer.get(`/api/admin/items/${id}`)).body.photos).toEqual([])
    const unknown = await c.act(c.sessions.handler1, id, 'report', { assignmentId: dispatched.body.assignments[0].id, outcome: 'completed', text: '已修好', photos: [sha256(plainJpeg(9, 9))] })
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'photo_not_found'])
    const reported = await c.act(c.sessions.handler1, id, 'report', { assignmentId: dispatched.body.assignments[0].id, outcome: 'completed', text: '已修好', photos: [sha256(fixed)] })
    expect(reported.status).toBe(200)
    const [photo] = reported.body.photos
    expect(reported.body.photos).toHaveLength(1)
    expect(photo).toMatchObject({ origin: 'staff', assignmentId: dispatched.body.assignments[0].id, width: 80, height: 60 })
    expect(reported.body.events.at(-1)).toMatchObject({ kind: 'report', data: { photos: [photo.id] } })
    expect((await c.track(code)).photos).toEqual([photo])
    const pendingId = (await db().db.selectFrom('photos').select('id').where('sha256', '=', sha256(pending)).executeTakeFirstOrThrow()).id
    // Who may fetch each: as the item routes (the pending one: nobody).
    const status = async (who: 'officer' | 'handler1' | 'handler2' | 'leader' | 'admin' | null, photoId: string, thumb = false) =>
      (await c.app.request(`/api/admin/photos/${photoId}${thumb ? '/thumb' : ''}`, { headers: who ? { cookie: c.sessions[who].cookie } : {} })).status
    expect(await Promise.all(['officer', 'handler1', 'leader', 'handler2', 'admin', null].map((w) => status(w as never, photo.id)))).toEqual([200, 200, 200, 404, 403, 401])
    expect(await status('officer', photo.id, true)).toBe(200)
    expect(await status('officer', pendingId)).toBe(404)
    const asWorker = (photoId: string, theCode = code) => c.app.request('/api/track/photo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: theCode, photoId }) })
    expect((await asWorker(photo.id)).status).toBe(200)
    expect((await asWorker(pendingId)).status).toBe(404)
    const other = await c.submit('另一条意见')
    expect((await asWorker(photo.id, other.code)).status).toBe(404)
    // The ledger counts the item's photos and never embeds them.
    const csv = (await c.sessions.officer.get('/api/admin/items/export.csv')).body as string
    expect(csv.split('\r\n').find((l) => l.includes('值班室漏雨'))).toMatch(/,"1"$/)
  })

  it('prunes unfinished uploads and reviewers’ photos never sent with a report after a week, never an item’s photo', async () => {
    const c = await cast(db())
    const { id, code } = await c.submit('楼道灯坏了')
    const kept = plainJpeg(30, 20)
    expect((await upload(c.app, workerPath(id, kept), { 'x-follow-up-code': code }, kept)).body.complete).toBe(true)
    const half = plainJpeg(50, 40)
    await put(c.app, workerPath(id, half), { 'x-follow-up-code': code }, half, 0, 100)
    const d = db().db
    const weekAgo = new Date(Date.now() - 8 * 86_400_000)
    await d.updateTable('photos').set({ created_at: weekAgo } as never).execute()
    await prunePhotos(d)
    expect((await d.selectFrom('photos').select('sha256').execute()).map((p) => p.sha256)).toEqual([sha256(kept)])
    expect(await d.selectFrom('photo_chunks').select('photo_id').execute()).toEqual([])
  })
})
