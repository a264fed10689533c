import { Hono } from 'hono'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ItemQuerySchema } from '../../../shared/schemas/item-query'
import { record } from '../../../shared/validation'
import { ApiError, sendError } from '../../../server/http/api-error'
import type { AppEnv } from '../../../server/http/env'
import { idParam, json, query } from '../../../server/http/validate'

const Body = record({ name: v.pipe(v.string(), v.trim(), v.minLength(1, 'text_required')) })

// The middleware on its own, answered as the app answers an ApiError.
const app = new Hono<AppEnv>()
  .post('/body', json(Body), (c) => c.json(c.req.valid('json')))
  .post('/login', json(Body, { refuse: 'invalid_credentials' }), (c) => c.json(c.req.valid('json')))
  .get('/items', query(ItemQuerySchema), (c) => c.json(c.req.valid('query')))
  .get('/export', query(ItemQuerySchema, { ignore: ['lang'] }), (c) => c.json(c.req.valid('query')))
  .get('/things/:id', idParam, (c) => c.json(c.req.valid('param')))
  .onError((err, c) => (err instanceof ApiError ? sendError(c, err.code, err.details) : c.text(String(err), 500)))

async function call(path: string, init?: RequestInit) {
  const res = await app.request(path, init)
  return { status: res.status, body: (await res.json()) as any }
}
const post = (path: string, body: BodyInit, type = 'application/json') => call(path, { method: 'POST', headers: { 'content-type': type }, body })

describe('the validator middleware', () => {
  it('hands the handler the schema output, typed and normalised', async () => {
    expect(await post('/body', JSON.stringify({ name: '  王 ' }))).toEqual({ status: 200, body: { name: '王' } })
    expect(await post('/body', JSON.stringify({ name: 'x' }), 'application/json; charset=utf-8')).toEqual({ status: 200, body: { name: 'x' } })
  })

  it('refuses a body not declared JSON with 415, whatever it holds', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await post('/body', JSON.stringify({ name: 'x' }), type)
      expect([type, res.status, res.body.error.code]).toEqual([type, 415, 'unsupported_media_type'])
    }
  })

  it('refuses bytes that are not UTF-8 and text that is not JSON', async () => {
    const bad = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) // {"name":"\xff\xfe"}
    expect(await post('/body', bad)).toMatchObject({ status: 400, body: { error: { code: 'invalid_encoding' } } })
    expect(await post('/body', '{"name":')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } })
  })

  it('answers a schema failure with the first problem and every problem in details', async () => {
    const res = await post('/body', JSON.stringify({ name: 'x', colour: 'red' }))
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'unknown_field', details: [{ path: 'colour', code: 'unknown_field' }] } } })
    expect((await post('/body', JSON.stringify({ name: ' ' }))).body.error).toMatchObject({ code: 'text_required', details: [{ path: 'name', code: 'text_required' }] })
    expect((await post('/body', '[]')).body.error.code).toBe('invalid_type')
  })

  it('answers every failure with the one code and no details when told to', async () => {
    const res = await post('/login', JSON.stringify({ name: 'x', colour: 'red' }))
    expect([res.status, res.body.error]).toEqual([401, { code: 'invalid_credentials', message: '用户名或密码不正确。' }])
  })

  it('calls a malformed query string a bad filter, and keeps a specific code', async () => {
    expect(await call('/items?status=accepted&limit=5')).toEqual({ status: 200, body: { status: ['accepted'], limit: 5 } })
    for (const q of ['colour=red', 'status=lost', 'unitId=nope', 'limit=abc']) {
      const res = await call(`/items?${q}`)
      expect([q, res.status, res.body.error.code]).toEqual([q, 400, 'invalid_query'])
    }
    expect((await call('/items?from=yesterday')).body.error.code).toBe('invalid_date')
    expect((await call('/items?lang=en')).body.error.code).toBe('invalid_query')
    expect(await call('/export?lang=en&category=pay')).toEqual({ status: 200, body: { category: ['pay'] } })
  })

  it('answers a path id that is not a UUID with 404, and takes one in capitals as the lower-case id', async () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
    expect(await call(`/things/${id.toUpperCase()}`)).toEqual({ status: 200, body: { id } })
    for (const bad of ['nope', `${id}0`, id.replace(/-/g, ''), '%00']) {
      const res = await call(`/things/${bad}`)
      expect([bad, res.status, res.body.error]).toEqual([bad, 404, { code: 'not_found', message: expect.any(String) }])
    }
  })
})
