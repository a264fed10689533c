import { describe, expect, it } from 'vitest'
import { describeConfig, loadConfig } from '../../../server/config'

describe('NOTIFY_WEBHOOK_URL', () => {
  it('is an http(s) address, refused at start otherwise, and never printed whole (its key is its password)', () => {
    expect(loadConfig({}).notifyWebhookUrl).toBeNull()
    const config = loadConfig({ NOTIFY_WEBHOOK_URL: 'https://im.example.com/hooks/yijian?token=s3cret' })
    expect(config.notifyWebhookUrl).toBe('https://im.example.com/hooks/yijian?token=s3cret')
    const printed = JSON.stringify(describeConfig(config))
    expect(printed).toContain('https://im.example.com/***')
    expect(printed).not.toContain('s3cret')
    for (const bad of ['ftp://x.example.com/', 'not a url', 'javascript:alert(1)']) {
      expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: bad })).toThrow(/NOTIFY_WEBHOOK_URL must be an http\(s\) address/)
    }
  })
})
