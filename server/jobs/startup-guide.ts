import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * What a newcomer reads when the server is up: where the form and the reviewers' desk are, a QR
 * point to try, how to make the first admin (a one-time link while there is none), and, while
 * `PUBLIC_ORIGIN` is unset, that printed QR codes need it.
 */
export async function startupGuide(db: Kysely<Database>, origin: string, setupToken: string | null, publicOrigin: string | null = null): Promise<string> {
  const point = await db.selectFrom('entry_points').select('code').where('active', '=', true).orderBy('created_at').executeTakeFirst()
  const lines = [
    `  员工扫码提意见 / worker's form: ${origin}/${point ? `?s=${encodeURIComponent(point.code)}` : ''}${point ? '' : '  (还没有二维码地点 / no QR point yet)'}`,
    `  工会工作台 / reviewers:        ${origin}/admin`,
  ]
  if (setupToken) {
    lines.push(
      `  还没有管理员。在浏览器打开这个一次性链接创建第一个管理员（用过即失效，重启后换新链接）：`,
      `  No admin yet. Open this one-time link to create the first admin (spent by its use; a restart prints a new one):`,
      `    ${origin}/admin/setup?token=${setupToken}`,
      `  或在终端 / or in a terminal: npm run user -- add <用户名> --role admin --unit <单位名称>（先停止服务 / stop the server first when using the embedded database）`,
    )
  }
  if (!publicOrigin) {
    lines.push(
      `  未设置 PUBLIC_ORIGIN：打印二维码海报前，请把它设为员工手机能打开的地址（例如 PUBLIC_ORIGIN=https://yijian.example.cn），否则二维码无法生成。`,
      `  PUBLIC_ORIGIN is not set: before printing QR posters, set it to the address workers' phones can open (e.g. PUBLIC_ORIGIN=https://yijian.example.cn); until then no QR code is made from a local address.`,
    )
  }
  return lines.join('\n')
}
