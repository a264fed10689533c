import { describe, expect, it } from 'vitest'
import { isPublicHostname, posterOrigin } from '../../../server/domain/poster-origin'

/** The hostname as the route hands it over: through `URL`, which normalises IPv4 and IPv6. */
const hostOf = (host: string) => new URL(`http://${host}`).hostname

describe('posterOrigin', () => {
  it('refuses every loopback, private, link-local or local-only address a phone could not open', () => {
    const refused = [
      'localhost', 'localhost:8080', 'LOCALHOST.', 'app.localhost', 'yijian', 'nas.local', 'srv.internal', 'router.lan', 'pc.home.arpa',
      '127.0.0.1', '127.8.9.10:3000', '0x7f.1', '0.0.0.0', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255',
      '192.168.1.20:8080', '169.254.10.10', '100.64.0.1', '224.0.0.1',
      '[::1]', '[::]', '[fc00::1]', '[fd12:3456::1]', '[fe80::1]', '[febf::1]', '[::ffff:10.0.0.1]', '[::ffff:127.0.0.1]', '[ff02::1]',
    ]
    for (const host of refused) {
      expect(isPublicHostname(hostOf(host)), host).toBe(false)
      expect(() => posterOrigin(null, `http://${host}`), host).toThrow('public_origin_required')
    }
  })

  it('keeps a public name or address, with its scheme and port', () => {
    const allowed = ['yijian.example.cn', 'yijian.example.cn:8443', '8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '11.0.0.1', '100.128.0.1', '[2001:4860::8888]', '[::ffff:8.8.8.8]']
    for (const host of allowed) expect(isPublicHostname(hostOf(host)), host).toBe(true)
    expect(posterOrigin(null, 'https://yijian.example.cn:8443')).toBe('https://yijian.example.cn:8443')
    expect(posterOrigin(null, 'http://[2001:4860::8888]:80')).toBe('http://[2001:4860::8888]')
  })

  it('uses the configured public origin whatever the admin browses from, a deliberate intranet address too', () => {
    expect(posterOrigin('https://yijian.example.cn', 'http://127.0.0.1:8080')).toBe('https://yijian.example.cn')
    expect(posterOrigin('http://10.20.30.40', 'http://localhost')).toBe('http://10.20.30.40')
  })

  it('refuses a Host that is no address at all', () => {
    expect(() => posterOrigin(null, 'http://bad host')).toThrow('public_origin_required')
  })
})
