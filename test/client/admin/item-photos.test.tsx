import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { AdminEvent, AssignmentView } from '../../../shared/admin-api'
import type { PhotoView } from '../../../shared/photos'
import { setSession, writeHeaders } from '../../../client/admin/api'
import { Assignments } from '../../../client/admin/item/Assignments'
import { ReportPhotos } from '../../../client/admin/item/forms/ReportPhotos'
import type { PhotoPick, PhotoPicks } from '../../../client/admin/item/forms/use-photo-picks'
import { PhotoStrip } from '../../../client/admin/item/PhotoStrip'
import { eventPhotos } from '../../../client/admin/item/photos'
import { Timeline } from '../../../client/admin/item/Timeline'

const ASSIGNMENT = '0190a4b2-0000-7000-8000-0000000000a1'
const photo = (id: string, origin: PhotoView['origin'], assignmentId: string | null = null): PhotoView => ({
  id,
  sha256: id.repeat(64).slice(0, 64),
  origin,
  assignmentId,
  width: 1600,
  height: 1200,
  bytes: 240_000,
  createdAt: '2026-11-20T02:00:00.000Z',
})
const PHOTOS = [photo('w1', 'worker'), photo('w2', 'worker'), photo('s1', 'staff', ASSIGNMENT), photo('s2', 'staff', 'other')]

const event = (id: number, kind: AdminEvent['kind'], data: AdminEvent['data'] = null): AdminEvent => ({
  id,
  kind,
  at: '2026-11-20T02:00:00.000Z',
  fromStatus: null,
  toStatus: null,
  actor: { kind: 'handler', name: '一站站长' },
  note: null,
  publicText: null,
  isPublic: false,
  data,
})

describe('the photos of an item (client/admin/item)', () => {
  it('puts the worker’s photos at the submit step and a report’s at its own, by the ids its event names', () => {
    expect(eventPhotos(event(1, 'submit'), PHOTOS).map((p) => p.id)).toEqual(['w1', 'w2'])
    expect(eventPhotos(event(2, 'report', { photos: ['s1'] }), PHOTOS).map((p) => p.id)).toEqual(['s1'])
    expect(eventPhotos(event(3, 'report', { outcome: 'completed' }), PHOTOS)).toEqual([])
    expect(eventPhotos(event(4, 'note'), PHOTOS)).toEqual([])
  })

  it('shows thumbnails sized from the photo, lazily loaded, named in Chinese, each a link to the full photo', () => {
    const html = renderToString(<PhotoStrip photos={PHOTOS.slice(0, 2)} label="员工拍的照片" />)
    expect(html).toContain('<a href="/api/admin/photos/w1" target="_blank" rel="noopener"><img src="/api/admin/photos/w1/thumb" width="1600" height="1200" loading="lazy" alt="员工拍的照片 1"')
    expect(html).toContain('alt="员工拍的照片 2"')
    expect(html).not.toContain('<dialog')
    expect(renderToString(<PhotoStrip photos={[]} label="反馈照片" />)).toBe('')
  })

  it('shows a report’s photos with its dispatch and at its step of the timeline', () => {
    const dispatch: AssignmentView = {
      id: ASSIGNMENT,
      unit: { id: 'u1', name: '第一中心站' },
      leader: { id: 'l1', displayName: '李主任' },
      responsible: { id: 'r1', displayName: '一站站长' },
      deadline: '2026-11-24T15:59:59.999Z',
      instructions: null,
      state: 'reported',
      outcome: 'completed',
      reportText: '已修好',
      reportedAt: '2026-11-21T02:00:00.000Z',
      overdue: false,
      urgeable: false,
    }
    const card = renderToString(<Assignments itemId="i1" assignments={[dispatch]} photos={PHOTOS} />)
    expect(card).toContain('/api/admin/photos/s1/thumb')
    expect(card).toContain('alt="反馈照片 1"')
    expect(card).not.toContain('/api/admin/photos/s2/thumb')
    expect(card).not.toContain('/api/admin/photos/w1/thumb')

    const steps = renderToString(<Timeline events={[event(1, 'submit'), event(2, 'report', { photos: ['s1'] })]} photos={PHOTOS} />)
    const [submit, report] = steps.split('<li class="adm-event').slice(1)
    expect(submit).toContain('alt="员工拍的照片 2"')
    expect(submit).not.toContain('/s1/')
    expect(report).toContain('alt="反馈照片 1"')
    expect(report).not.toContain('/w1/')
  })
})

describe('ReportPhotos, 添加照片 on a report back', () => {
  const pick = (key: number, state: PhotoPick['state'], error = '', retry = false): PhotoPick => ({
    key,
    preview: { url: `blob:x/${key}`, width: 1200, height: 1600 },
    sha256: String(key).repeat(64),
    state,
    error,
    retry,
  })
  const picks = (list: PhotoPick[], full = false): PhotoPicks => ({ picks: list, notice: '', full, busy: false, ids: [], add: () => {}, retry: () => {}, remove: () => {} })

  it('offers a file input for images, several at once', () => {
    const html = renderToString(<ReportPhotos photos={picks([])} />)
    expect(html).toMatch(/<label class="adm-photo-add">添加照片<input type="file" accept="image\/\*" multiple/)
    expect(html).toContain('最多 3 张')
    expect(html).not.toContain('disabled')
  })

  it('says where each upload is, offers 重试 only when the link dropped, and 删除 on each', () => {
    const html = renderToString(<ReportPhotos photos={picks([pick(1, 'busy'), pick(2, 'done'), pick(3, 'error', '网络不好，照片没有传完。', true)], true)} />)
    expect(html).toContain('上传中…')
    expect(html).toContain('已上传')
    expect(html).toContain('role="alert">网络不好，照片没有传完。')
    expect(html.match(/>重试</g)?.length).toBe(1)
    expect(html).toContain('aria-label="删除 反馈照片 3"')
    expect(html).toContain('width="1200" height="1600" alt="反馈照片 1"')
    // Three chosen: no more.
    expect(html).toMatch(/<input type="file"[^>]* disabled/)
    const refused = renderToString(<ReportPhotos photos={picks([pick(1, 'error', '不是可以识别的照片。')])} />)
    expect(refused).toContain('不是可以识别的照片。')
    expect(refused).not.toContain('重试')
  })
})

describe('writeHeaders (client/admin/api)', () => {
  it('carries the session’s CSRF token and the language for a photo’s chunks', () => {
    setSession({ csrfToken: 'tok' } as Parameters<typeof setSession>[0])
    expect(writeHeaders()).toEqual({ 'Accept-Language': 'zh-CN,zh;q=0.9', 'X-CSRF-Token': 'tok' })
    setSession(null)
  })
})
