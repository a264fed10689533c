/**
 * A seeded oilfield's worth of items for the benches: N items over two years with Chinese text
 * of about 300 characters, spread over every unit and QR point, category and status (by age:
 * `statusAt`); every item past acceptance has a dispatch (open for the dispatched ones, overdue
 * once its week is up), the answered ones an answer event. Search terms of known frequency are planted (`SEARCH_TERMS`), so a search's matches are
 * a property of the seed, not of chance.
 *
 * Loaded in bulk: the indexes of `suggestions` are dropped and built again after, and the
 * figures' triggers are off while loading (`session_replication_role = replica`, which needs a
 * superuser: the bench's own throwaway server), then `tally_rebuild()` builds the sums at once.
 * A second run on a filled database returns at once.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../server/db/schema'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { contentGrams } from '../server/domain/search-grams'
import { DEFAULT_CATEGORIES } from '../shared/categories'
import { chinaYear } from '../shared/time'
import { uuidv7 } from '../shared/uuid'

/** Planted terms: how often each appears in an item (a share of items). */
export const SEARCH_TERMS = [
  { term: '食堂', share: 0.21, note: '2 characters, common' },
  { term: '加班费', share: 0.115, note: '3 characters, common' },
  { term: '通勤', share: 0.03, note: '2 characters, 3 %' },
  { term: '热水器', share: 0.01, note: '3 characters, 1 %' },
  { term: '防寒服', share: 0.003, note: '3 characters, 0.3 %' },
  { term: '井口房', share: 0.001, note: '3 characters, 0.1 %' },
  { term: '鼠患', share: 0.0001, note: '2 characters, rare' },
  { term: '电瓶车', share: 0.00012, note: '3 characters, rare' },
  { term: '鲸鱼', share: 0, note: '2 characters, absent' },
] as const

const PLANTED: Record<string, string[]> = {
  食堂: ['食堂的饭菜偏咸，希望少放点盐', '食堂晚上开饭太早，夜班的同事赶不上', '建议食堂增加面食的品种'],
  加班费: ['上个月的加班费还没有发下来', '加班费的计算方法没人讲清楚', '节假日值班的加班费标准是多少'],
  通勤: ['通勤班车早上太挤，站着要一个多小时', '希望通勤路上的补贴能按实际发放'],
  热水器: ['宿舍的热水器坏了半个月没人修', '热水器的水温忽冷忽热，洗澡不安全'],
  防寒服: ['今年的防寒服还没有发，早晚巡井很冷', '防寒服的尺码不全，大个子穿不上'],
  井口房: ['井口房的门关不严，冬天进风', '井口房里的照明灯坏了，夜里看不清仪表'],
  鼠患: ['库房有鼠患，劳保用品被咬坏了'],
  电瓶车: ['站里的电瓶车充电的地方不够'],
}

/** Ordinary sentences: none holds a planted term or its characters side by side. */
const FILLER = [
  '我们站上的同事都很辛苦，希望领导多来现场看看', '最近几个月的工作量明显增加，人手有些紧张',
  '夜班巡检的路线比较长，路上照明不够', '建议把安全培训安排在白天，晚上大家都很累',
  '值班室的空调制冷效果不好，夏天很难熬', '劳保鞋的质量一般，穿两个月就开胶了',
  '希望能增加一些技能比赛，大家都想学点本事', '网络信号太差，视频会议经常卡住',
  '宿舍楼的楼道灯坏了好几盏，晚上上下楼不方便', '绩效考核的标准能不能提前公布',
  '休假安排能不能更灵活一些，家里有老人要照顾', '员工之家的健身器材有几台不能用了',
  '井场的道路下雨以后很泥泞，车辆进出困难', '大监控平台的报警声音太小，容易漏听',
  '新来的同事需要师傅带，但是师傅的补助没有落实', '感谢工会上次组织的体检，大家都很满意',
  '希望能在生活点放一个药箱，常用药备一些', '巡检用的手持终端电池不耐用，一天要充两次电',
  '注水站的噪音很大，长期在里面对耳朵不好', '站里的洗衣机坏了，工服只能手洗',
  '建议定期组织心理疏导，倒班时间长了容易烦躁', '抄表的数据要填好几遍，能不能只填一次',
  '冬季取暖的锅炉需要提前检修', '希望能多组织一些文体活动，丰富业余生活',
]

type Status = 'submitted' | 'accepted' | 'dispatched' | 'reported' | 'replied' | 'closed' | 'declined'
/**
 * Where an item of this age stands, as in a union that works its inbox: the last two days mostly
 * waiting, the last month on its way, older ones answered, with a few left behind (old items
 * still dispatched are the overdue ones). Shares in order of STATUS_ORDER.
 */
const STATUS_ORDER: Status[] = ['submitted', 'accepted', 'dispatched', 'reported', 'replied', 'closed', 'declined']
const BY_AGE: Array<[maxDays: number, shares: number[]]> = [
  [2, [0.6, 0.25, 0.15, 0, 0, 0, 0]],
  [30, [0.03, 0.07, 0.25, 0.1, 0.3, 0.2, 0.05]],
  [Infinity, [0.002, 0.003, 0.005, 0.01, 0.33, 0.57, 0.08]],
]
function statusAt(ageDays: number, r: number): Status {
  const shares = BY_AGE.find(([max]) => ageDays < max)![1]
  let sum = 0
  for (const [i, share] of shares.entries()) if (r < (sum += share)) return STATUS_ORDER[i]!
  return 'closed'
}
const SPAN_MS = 2 * 365 * 86_400_000
const CHUNK = 4000

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface BenchPeople {
  officer: string
  leader: string
  handler: string
}

/** The bench's people at the top unit (made once, found again on a second run). */
export async function benchPeople(db: Kysely<Database>): Promise<BenchPeople> {
  const top = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
  const person = async (role: 'officer' | 'leader' | 'handler') =>
    (await db.selectFrom('users').select('id').where('username', '=', `bench-${role}`).executeTakeFirst())?.id ??
    (await db.insertInto('users').values({ username: `bench-${role}`, display_name: role, role, unit_id: top.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()).id
  return { officer: await person('officer'), leader: await person('leader'), handler: await person('handler') }
}

/** One item's text: planted sentences by their share, then filler to about 300 characters. */
function itemText(next: () => number): string {
  const parts: string[] = []
  for (const { term, share } of SEARCH_TERMS) {
    if (share && next() < share) {
      const options = PLANTED[term]!
      parts.push(options[Math.floor(next() * options.length)]!)
    }
  }
  const target = 200 + Math.floor(next() * 200)
  let length = parts.reduce((n, p) => n + p.length + 1, 0)
  while (length < target) {
    const sentence = FILLER[Math.floor(next() * FILLER.length)]!
    // A number now and then, as workers write them (a well, a date), so not every text is alike.
    const withNumber = next() < 0.3 ? `${sentence}（${1 + Math.floor(next() * 300)}号井）` : sentence
    parts.splice(Math.floor(next() * (parts.length + 1)), 0, withNumber)
    length += withNumber.length + 1
  }
  return parts.join('。') + '。'
}

/**
 * Fills `db` (migrated here) up to `items` items. Returns how many were added and the seconds it
 * took. `now` is the newest arrival time; items go back two years from it.
 */
export async function generate(db: Kysely<Database>, opts: { items: number; seed?: number; now?: Date; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {})
  await migrateToLatest(db)
  await seedDemoIfEmpty(db)
  const people = await benchPeople(db)
  const existing = Number((await db.selectFrom('suggestions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  if (existing >= opts.items) return { added: 0, seconds: 0, people }
  if (existing > 0) throw new Error(`the database holds ${existing} items, fewer than ${opts.items}: use an empty one`)
  const points = await db.selectFrom('entry_points').select(['id', 'unit_id']).orderBy('code').execute()
  const units = await db.selectFrom('org_units').select('id').orderBy('path').execute()
  const next = random(opts.seed ?? 20261126)
  const now = (opts.now ?? new Date()).getTime()
  const started = performance.now()

  await db.connection().execute(async (conn) => {
    await sql`set session_replication_role = replica`.execute(conn)
    const indexes = await sql<{ name: string; def: string }>`
      select indexname as name, indexdef as def from pg_indexes
      where tablename = 'suggestions' and indexname <> 'suggestions_pkey'`.execute(conn)
    for (const { name } of indexes.rows) await sql`drop index ${sql.id(name)}`.execute(conn)

    const serial = new Map<number, number>()
    // Oldest first, so that numbers rise with time as the app gives them.
    for (let done = 0; done < opts.items; done += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, opts.items - done) }, (_, i) => {
        const n = done + i
        const at = new Date(now - SPAN_MS + Math.floor((n / opts.items) * SPAN_MS) + Math.floor(next() * 60_000))
        const point = points[Math.floor(next() * points.length)]!
        const year = chinaYear(at)
        const seq = (serial.get(year) ?? 0) + 1
        serial.set(year, seq)
        const content = itemText(next)
        const status = statusAt((now - at.getTime()) / 86_400_000, next())
        const rated = status === 'replied' || status === 'closed'
        const r = next()
        return {
          id: uuidv7(at.getTime()),
          follow_up_hash: `bench-${n}`,
          entry_point_id: point.id,
          unit_id: next() < 0.7 ? point.unit_id : units[Math.floor(next() * units.length)]!.id,
          category: DEFAULT_CATEGORIES[Math.floor(next() * DEFAULT_CATEGORIES.length)]!.id,
          content,
          grams: contentGrams(content).join(' '),
          status,
          received_at: at.toISOString(),
          is_proposal: next() < 0.06,
          rating: rated && r < 0.35 ? 'satisfied' : rated && r < 0.5 ? 'basically' : rated && r < 0.6 ? 'unsatisfied' : null,
          serial_year: year,
          serial_seq: seq,
        }
      })
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k])
      await sql`
        insert into suggestions (id, follow_up_hash, payload_hash, entry_point_id, unit_id, category, content, anonymous,
          status, device_created_at, received_at, updated_at, is_proposal, rating, content_grams, serial_year, serial_seq)
        select id, fh, 'bench', ep, unit, cat, content, true, status, date_trunc('day', at), at, at, prop, rating,
          string_to_array(grams, ' '), sy, ss
        from unnest(${col('id')}::uuid[], ${col('follow_up_hash')}::text[], ${col('entry_point_id')}::uuid[], ${col('unit_id')}::uuid[],
          ${col('category')}::text[], ${col('content')}::text[], ${col('status')}::text[], ${col('received_at')}::timestamptz[],
          ${col('is_proposal')}::boolean[], ${col('rating')}::text[], ${col('grams')}::text[], ${col('serial_year')}::int[], ${col('serial_seq')}::int[])
          as t(id, fh, ep, unit, cat, content, status, at, prop, rating, grams, sy, ss)`.execute(conn)
      if ((done / CHUNK) % 25 === 24) log(`  ${done + rows.length} items, ${Math.round((performance.now() - started) / 1000)} s`)
    }
    for (const [year, last] of serial) {
      await sql`insert into serial_counters (year, last) values (${year}, ${last}) on conflict (year) do update set last = excluded.last`.execute(conn)
    }
    log(`  rows in ${Math.round((performance.now() - started) / 1000)} s; building ${indexes.rows.length} indexes`)
    await sql`set maintenance_work_mem = '1GB'`.execute(conn)
    for (const { def } of indexes.rows) await sql.raw(def).execute(conn)

    // Dispatches: every item past acceptance, due 7 days after arrival; open ones for `dispatched`.
    await sql`
      insert into assignments (suggestion_id, unit_id, leader_id, responsible_id, deadline, state, outcome, reported_at, reported_by, created_by, created_at)
      select s.id, s.unit_id, ${people.leader}, ${people.handler}, s.received_at + interval '7 days',
        case when s.status = 'dispatched' then 'open' else 'reported' end,
        case when s.status = 'dispatched' then null when get_byte(uuid_send(s.id), 15) % 4 = 0 then 'partial' else 'completed' end,
        case when s.status = 'dispatched' then null else s.received_at + (get_byte(uuid_send(s.id), 14) % 10) * interval '1 day' end,
        ${people.handler}, ${people.officer}, s.received_at + interval '1 hour'
      from suggestions s where s.status in ('dispatched', 'reported', 'replied', 'closed')`.execute(conn)
    // First answers from the same day to about 40 days later.
    await sql`
      insert into suggestion_events (suggestion_id, kind, from_status, to_status, actor_kind, actor_user_id, public_text, is_public, created_at)
      select s.id, case when s.status = 'declined' then 'decline' else 'reply' end, 'accepted', s.status, 'officer', ${people.officer},
        '已答复', true, s.received_at + (get_byte(uuid_send(s.id), 13) % 160) * interval '6 hours'
      from suggestions s where s.status in ('replied', 'closed', 'declined')`.execute(conn)
    await sql`set session_replication_role = origin`.execute(conn)
    log(`  dispatches and answers in ${Math.round((performance.now() - started) / 1000)} s; summing`)
    await sql`select tally_rebuild()`.execute(conn)
    // Not org_units: a table of a few rows never reaches autovacuum's threshold in production either.
    await sql`analyze suggestions, assignments, suggestion_events, item_facts, item_tallies, item_open_tallies, item_answer_tallies`.execute(conn)
  })
  return { added: opts.items, seconds: Math.round((performance.now() - started) / 1000), people }
}
