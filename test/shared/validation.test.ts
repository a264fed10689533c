import { workerItem } from '../helpers/worker-item'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/limits'
import { SubmitItemSchema, validate } from '../../shared/validation'

const base = () => workerItem('宿舍热水器坏了一个星期了', { createdAt: '2026-11-24T08:00:00.000Z' })

function codes(input: unknown) {
  const result = validate(SubmitItemSchema, input)
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`)
}

describe('SubmitItemSchema', () => {
  it('accepts a valid anonymous item and normalises it', () => {
    const input = { ...base(), content: '  第一行\r\n第二行  ', followUpCode: '7k3m 9qxd 2hft a8zc' }
    const result = validate(SubmitItemSchema, input)
    expect(result).toEqual({ ok: true, value: { ...input, content: '第一行\n第二行', followUpCode: '7K3M9QXD2HFTA8ZC' } })
  })

  it('accepts a named item with optional employee number and phone', () => {
    const input = { ...base(), anonymous: false, submitter: { name: '张三', employeeNo: 'AJW-0231', phone: '138 0000 0000' } }
    expect(validate(SubmitItemSchema, input).ok).toBe(true)
  })

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(codes({ ...base(), content: '一二三四五' })).toEqual([])
    expect(codes({ ...base(), content: '😀😀😀😀😀' })).toEqual([])
    expect(codes({ ...base(), content: '一二三四' })).toEqual(['content:content_too_short'])
    expect(codes({ ...base(), content: '字'.repeat(LIMITS.contentMax) })).toEqual([])
    expect(codes({ ...base(), content: '字'.repeat(LIMITS.contentMax + 1) })).toEqual(['content:content_too_long'])
  })

  it('does not let spaces make up the minimum', () => {
    expect(codes({ ...base(), content: '  好   ' })).toEqual(['content:content_too_short'])
  })

  it.each([
    ['a NUL character', 'abc\u0000defgh'],
    ['a lone surrogate', 'abcdef\ud800gh'],
    ['a control character', 'abc\u0007defgh'],
  ])('refuses text with %s', (_, content) => {
    expect(codes({ ...base(), content })).toEqual(['content:invalid_characters'])
  })

  it.each([
    ['id', { id: 'not-a-uuid' }, 'id:invalid_id'],
    ['id (v4)', { id: '6f1c1b2e-8c1a-4b7e-9d2a-0c5e8f1a2b3c' }, 'id:invalid_id'],
    ['follow-up code', { followUpCode: '1234' }, 'followUpCode:invalid_follow_up_code'],
    ['entry point', { entryPoint: '../../etc' }, 'entryPoint:unknown_entry_point'],
    // The shape only: whether `gossip` names a category is the server's to say.
    ['category', { category: 'Gossip!' }, 'category:invalid_category'],
    ['category (too long)', { category: 'a'.repeat(33) }, 'category:invalid_category'],
    ['createdAt', { createdAt: 'yesterday' }, 'createdAt:invalid_date'],
    ['createdAt (impossible day)', { createdAt: '2026-13-40T00:00:00Z' }, 'createdAt:invalid_date'],
    ['createdAt (year 1900)', { createdAt: '1900-01-01T00:00:00Z' }, 'createdAt:invalid_date'],
  ])('refuses a bad %s', (_, patch, expected) => {
    expect(codes({ ...base(), ...patch })).toEqual([expected])
  })

  it.each([
    ['content', { content: 12345 }],
    ['anonymous', { anonymous: 'yes' }],
    ['category', { category: ['other'] }],
    ['submitter', { anonymous: false, submitter: '张三' }],
  ])('refuses a wrong type for %s', (field, patch) => {
    const found = codes({ ...base(), ...patch })
    expect(found[0]).toMatch(new RegExp(`^${field}:(invalid_type|invalid_category)$`))
  })

  it('refuses unknown fields, at the top and inside submitter', () => {
    expect(codes({ ...base(), ip: '1.2.3.4' })).toEqual(['ip:unknown_field'])
    expect(codes({ ...base(), anonymous: false, submitter: { name: '张三', device: 'x' } })).toEqual(['submitter.device:unknown_field'])
  })

  it('names every missing field', () => {
    expect(codes({})).toEqual(
      ['id', 'followUpCode', 'entryPoint', 'category', 'content', 'anonymous', 'createdAt'].map((f) => `${f}:missing_field`),
    )
  })

  it('requires a name when not anonymous, and refuses identity when anonymous', () => {
    expect(codes({ ...base(), anonymous: false })).toEqual(['submitter:name_required'])
    expect(codes({ ...base(), anonymous: false, submitter: { name: '   ' } })).toEqual(['submitter.name:name_required'])
    expect(codes({ ...base(), anonymous: true, submitter: { name: '张三' } })).toEqual(['submitter:identity_not_allowed'])
  })

  it('checks the name, employee number and phone', () => {
    const named = (submitter: object) => ({ ...base(), anonymous: false, submitter })
    expect(codes(named({ name: '名'.repeat(LIMITS.nameMax + 1) }))).toEqual(['submitter.name:name_too_long'])
    expect(codes(named({ name: '张三', employeeNo: 'AJW 0231' }))).toEqual(['submitter.employeeNo:employee_no_invalid'])
    expect(codes(named({ name: '张三', phone: '电话' }))).toEqual(['submitter.phone:phone_invalid'])
    expect(codes(named({ name: '张三', phone: '' }))).toEqual([])
    expect(codes(named({ name: '张三', phone: '+86 138-0000-0000' }))).toEqual([])
  })
})
