import { expect, it } from 'vitest'
import { startupGuide } from '../../../server/jobs/startup-guide'
import { describeEachDialect } from '../../helpers/test-db'

describeEachDialect('the start-up guide printed when the server is up', ({ db }) => {
  it('says that printed QR codes need PUBLIC_ORIGIN while it is unset, and not once it is set', async () => {
    const unset = await startupGuide(db().db, 'http://localhost:3000', null, null)
    expect(unset).toContain('http://localhost:3000/?s=')
    expect(unset).toContain('未设置 PUBLIC_ORIGIN')
    expect(unset).toContain('PUBLIC_ORIGIN is not set')
    const set = await startupGuide(db().db, 'https://yijian.example.cn', null, 'https://yijian.example.cn')
    expect(set).toContain('https://yijian.example.cn/admin')
    expect(set).not.toContain('PUBLIC_ORIGIN')
  })
})
