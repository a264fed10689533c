import { describe, expect, it } from 'vitest'
import { ApiFailure, failureText } from '../../client/admin/api'

describe('the reviewer screens\' failure text', () => {
  it('says why a login is held back and until when', () => {
    const now = Date.UTC(2026, 10, 25, 2, 0, 0)
    const held = new ApiFailure(429, 'too_many_attempts', '这个账号在这台设备上登录失败次数太多，为防止密码被猜中，登录已暂停。', 600)
    const text = failureText(held, now)
    expect(text).toMatch(/^这个账号在这台设备上登录失败次数太多，为防止密码被猜中，登录已暂停。请在 10 分钟后（\d{2}:\d{2} 以后）再试。$/)
    const clock = new Date(now + 600_000).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })
    expect(text).toContain(`（${clock} 以后）`)
  })

  it('says only the reason when there is no time to wait', () => {
    expect(failureText(new ApiFailure(401, 'invalid_credentials', '用户名或密码不正确。'))).toBe('用户名或密码不正确。')
  })
})
