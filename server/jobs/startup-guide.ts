import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * What a newcomer reads when the server is up: where the form and the reviewers' desk are, a QR
 * point to try, and how to make the first admin (a one-time link while there is none).
 */
export async function startupGuide(db: Kysely<Database>, origin: string, setupToken: string | null): Promise<string> {
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
  return lines.join('\n')
}
