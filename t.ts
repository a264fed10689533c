import { Kysely, PGliteDialect, sql } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
const t0 = Date.now()
const pg = await PGlite.create()
console.log('pglite ms', Date.now() - t0)
const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite: pg } as any) })
const r = await sql`select version(), gen_random_uuid() as u`.execute(db)
console.log(r.rows)
const t1 = Date.now(); const c = await (pg as any).clone?.(); console.log('clone', typeof c, Date.now()-t1)
