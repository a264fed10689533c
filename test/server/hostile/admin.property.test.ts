import fc from 'fast-check'
import { it } from 'vitest'
import { CreateEntryPointSchema, UpdateEntryPointSchema } from '../../../shared/schemas/entry-points'
import { CreateUnitSchema, UpdateUnitSchema } from '../../../shared/schemas/units'
import { CreateUserSchema, UpdateUserSchema } from '../../../shared/schemas/users'
import { TemplateSchema } from '../../../shared/schemas/templates'
import { UNIT_KINDS } from '../../../shared/unit-kinds'
import { ACTION_NAMES } from '../../../shared/lifecycle'
import { CHANNEL_KINDS, ChannelCreateSchema, ChannelUpdateSchema, NotifySettingsSchema, TRIAGE_MODES } from '../../../shared/notify'
import { INT4 } from '../../../shared/limits'
import { ROLES } from '../../../shared/roles'
import { UserQuerySchema } from '../../../shared/user-query'
import { isUuid } from '../../../shared/uuid'
import { validate } from '../../../shared/validation'
import { createUser } from '../../helpers/admin'
import { send } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { text, number, uuidOf, choice, flag, OMIT, type Fields, body, wire, accepts, serverQuery, queryString, hostile } from './values'
import { SAME_ORIGIN, type Who, crew, query, segment } from './crew'

// Each route gets a valid base input, and fast-check replaces one to three of its fields with
// hostile values. Whether the route's shared schema accepts the input or not, the answer must be
// below 500 with the one error shape; a share of the inputs must pass the schema, or the property
// would only have tested refusals. The values and the property: ./values.ts.

describeEachDialect("the administration routes on hostile input: whatever passes validation, the database accepts (property)", ({ db }) => {
  it('POST and PATCH /api/admin/units answer below 500', async () => {
    const c = await crew(db())
    let n = 0
    const unitFields = (parent: boolean): Fields => ({
      ...(parent ? { parentId: uuidOf([c.units.area, c.units.cs1, c.ids.admin]) } : {}),
      name: choice(['第一中心站', '第一中心站 ', 'Ａ区', 'a区', '字'.repeat(100), '字'.repeat(101)], '新班组', 100),
      kind: choice(UNIT_KINDS, 'team'),
      sort: fc.oneof(number, fc.integer({ min: INT4.min, max: INT4.max })),
    })
    await hostile(
      'POST /api/admin/units',
      body(unitFields(true)),
      async (input) => {
        const json = wire({ parentId: c.units.cs1, name: `班组${++n}`, kind: 'team', sort: 10 }, input)
        return { res: await c.as.admin.post('/api/admin/units', json), accepted: accepts(CreateUnitSchema, json) }
      },
      { runs: 120, seed: 0x10200 },
    )
    const target = (await c.as.admin.post('/api/admin/units', { parentId: c.units.cs1, name: '改名用的班组', kind: 'team' })).body.id
    await hostile(
      'PATCH /api/admin/units/:id',
      body(unitFields(false)),
      async (input) => {
        const json = wire({ name: `改名${++n}`, kind: 'team', sort: 5 }, input)
        return { res: await c.as.admin.patch(`/api/admin/units/${target}`, json), accepted: accepts(UpdateUnitSchema, json) }
      },
      { runs: 120, seed: 0x10201 },
    )
  })

  it('POST and PATCH /api/admin/users answer below 500', async () => {
    const c = await crew(db())
    let n = 0
    const password = choice(['long enough password', 'short', 'x'.repeat(10), 'x'.repeat(200), 'x'.repeat(201), '\u0000'.repeat(10), '\ud800'.repeat(10)], 'long enough password', 200)
    const common: Fields = {
      displayName: text('新同事', 50),
      role: choice([...ROLES, 'root', 'ADMIN', ''], 'handler', 10),
      unitId: uuidOf([c.units.cs1, c.units.area, c.units.cs2, c.ids.admin]),
    }
    // Every accepted new account hashes its password (~0.1 s): fewer runs here.
    await hostile(
      'POST /api/admin/users',
      body({ ...common, username: choice(['officer', 'OFFICER', 'ab', 'a', 'x'.repeat(32), 'x'.repeat(33), 'a b', 'user\u0000'], 'newuser', 32), password }),
      async (input) => {
        const json = wire({ username: `newuser${++n}`, displayName: '新同事', role: 'handler', unitId: c.units.cs1, password: 'long enough password' }, input)
        return { res: await c.as.admin.post('/api/admin/users', json), accepted: accepts(CreateUserSchema, json) }
      },
      { runs: 30, seed: 0x10300 },
    )
    const target = (await createUser(c.db.db, 'target', 'handler', '第一中心站')).id
    await hostile(
      'PATCH /api/admin/users/:id',
      body({ ...common, active: flag, password: fc.oneof({ weight: 3, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: password }) }),
      async (input) => {
        const json = wire({ displayName: `改名${++n}`, role: 'handler', unitId: c.units.cs1, active: true }, input)
        return { res: await c.as.admin.patch(`/api/admin/users/${target}`, json), accepted: accepts(UpdateUserSchema, json) }
      },
      { runs: 50, seed: 0x10301 },
    )
  })

  it('GET /api/admin/users answers below 500 (its query)', async () => {
    const c = await crew(db())
    const fields: Fields = {
      role: choice([...ROLES, 'ADMIN', '', 'root'], 'handler', 10),
      unitId: uuidOf([c.units.cs1, c.units.area, c.ids.admin]),
    }
    await hostile(
      'GET /api/admin/users',
      fc.record({ who: fc.constantFrom<Who>('admin', 'officer'), q: query(fields) }),
      async ({ who, q }) => {
        const path = `/api/admin/users${queryString(q.edits, q.raw)}`
        return { res: await c.as[who].get(path), accepted: validate(UserQuerySchema, serverQuery(path)).ok }
      },
      { runs: 100, seed: 0x10302 },
    )
  })

  it('POST and PATCH /api/admin/entry-points answer below 500', async () => {
    const c = await crew(db())
    let n = 0
    const common: Fields = { name: choice(['三号井场', '字'.repeat(100), '字'.repeat(101)], '三号井场', 100), unitId: uuidOf([c.units.cs1, c.units.area, c.ids.admin]) }
    await hostile(
      'POST /api/admin/entry-points',
      body({ ...common, code: choice(['cs1', ' ep1 ', 'x'.repeat(32), 'x'.repeat(33), 'a.b', ''], 'ep', 32) }),
      async (input) => {
        const json = wire({ code: `ep${++n}`, name: '三号井场', unitId: c.units.cs1 }, input)
        return { res: await c.as.admin.post('/api/admin/entry-points', json), accepted: accepts(CreateEntryPointSchema, json) }
      },
      { runs: 120, seed: 0x10400 },
    )
    const target = (await c.as.admin.post('/api/admin/entry-points', { code: 'target', name: '改名用的点位', unitId: c.units.cs1 })).body.id
    await hostile(
      'PATCH /api/admin/entry-points/:id',
      body({ ...common, active: flag }),
      async (input) => {
        const json = wire({ name: `点位${++n}`, unitId: c.units.cs1, active: true }, input)
        return { res: await c.as.admin.patch(`/api/admin/entry-points/${target}`, json), accepted: accepts(UpdateEntryPointSchema, json) }
      },
      { runs: 120, seed: 0x10401 },
    )
  })

  it('POST /api/admin/templates answers below 500', async () => {
    const c = await crew(db())
    await hostile(
      'POST /api/admin/templates',
      body({ title: text('常用答复', 50), body: text('您好，已转交相关部门处理。', 2000) }),
      async (input) => {
        const json = wire({ title: '常用答复', body: '您好，已转交相关部门处理。' }, input)
        return { res: await c.as.officer.post('/api/admin/templates', json), accepted: accepts(TemplateSchema, json) }
      },
      { runs: 100, seed: 0x10500 },
    )
  })

  it('the admin routes answer below 500 whatever their path parameters', async () => {
    const c = await crew(db())
    const [item] = await c.submit()
    const ep = (await c.as.admin.post('/api/admin/entry-points', { code: 'pathtest', name: '路径测试', unitId: c.units.cs1 })).body.id
    const unit = (await c.as.admin.post('/api/admin/units', { parentId: c.units.cs1, name: '路径测试', kind: 'team' })).body.id
    const template = (await c.as.officer.post('/api/admin/templates', { title: '路径测试', body: '路径测试' })).body.id
    const isId = isUuid
    const isAction = (v: unknown) => (ACTION_NAMES as unknown[]).includes(v)
    const routes: Array<[method: string, path: (seg: string) => string, who: Who, ok: (v: unknown) => boolean, body?: unknown]> = [
      ['GET', (s) => `/api/admin/items/${s}`, 'officer', isId],
      ['POST', (s) => `/api/admin/items/${s}/note`, 'officer', isId, { text: '备注' }],
      ['POST', (s) => `/api/admin/items/${item!.id}/${s}`, 'officer', isAction, { version: 1 }],
      ['GET', (s) => `/api/admin/entry-points/${s}/qr.svg`, 'admin', isId],
      ['PATCH', (s) => `/api/admin/entry-points/${s}`, 'admin', isId, { name: '改名' }],
      ['PATCH', (s) => `/api/admin/units/${s}`, 'admin', isId, { sort: 1 }],
      ['DELETE', (s) => `/api/admin/units/${s}`, 'admin', isId],
      ['PATCH', (s) => `/api/admin/users/${s}`, 'admin', isId, { displayName: '改名' }],
      ['DELETE', (s) => `/api/admin/templates/${s}`, 'officer', isId],
    ]
    // The ids of the things these routes find, and the item actions' names, each with its near misses.
    const known = [item!.id, ep, unit, template, c.ids.handler, c.units.cs2, ...ACTION_NAMES]
    await hostile(
      'admin path parameters',
      fc.record({ route: fc.nat(routes.length - 1), id: segment(known) }),
      async ({ route, id }) => {
        const [method, path, who, ok, payload] = routes[route]!
        const headers = { cookie: c.as[who].cookie, 'x-csrf-token': c.as[who].csrf, ...SAME_ORIGIN }
        const res = await send(c.app, method, path(id.seg), headers, payload)
        return { res, accepted: ok(id.value) }
      },
      { runs: 150, seed: 0x10700 },
    )
  })

  it('the notify channels and settings answer below 500', async () => {
    const c = await crew(db())
    let n = 0
    const channelFields: Fields = {
      unitId: uuidOf([c.units.cs1, c.units.area, c.ids.admin]),
      kind: choice(CHANNEL_KINDS, 'webhook'),
      name: text('一站工作群', 60),
      url: choice(['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a', 'http://10.0.0.1/hook', 'ftp://x', 'https://u:p@x.cn/', 'https://例子.中国/钩子', 'http://[::1]:8080/', `https://x.cn/${'a'.repeat(990)}`, `https://x.cn/${'a'.repeat(991)}`, 'https://x.cn/\u0000'], 'https://sms.example.com/hook', 1000),
      secret: fc.oneof(text('SEC0123', 200), fc.constant(null), fc.constant(OMIT)),
    }
    await hostile(
      'POST /api/admin/notify/channels',
      body(channelFields),
      async (input) => {
        // The five-a-unit limit is not what this property is about: the rows go between runs.
        await c.db.db.deleteFrom('notify_channels').execute()
        const json = wire({ unitId: c.units.cs1, kind: 'webhook', name: `通道${++n}`, url: 'https://sms.example.com/hook' }, input)
        return { res: await c.as.admin.post('/api/admin/notify/channels', json), accepted: accepts(ChannelCreateSchema, json) }
      },
      { runs: 120, seed: 0x10800 },
    )
    const target = (await c.as.admin.post('/api/admin/notify/channels', { unitId: c.units.cs1, kind: 'dingtalk', name: '钉钉群', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECabc' })).body.id
    const { unitId: _unit, kind: _kind, ...editable } = channelFields
    await hostile(
      'PATCH /api/admin/notify/channels/:id',
      body({ ...editable, active: flag }),
      async (input) => {
        const json = wire({ name: `改名${++n}` }, input)
        return { res: await c.as.admin.patch(`/api/admin/notify/channels/${target}`, json), accepted: accepts(ChannelUpdateSchema, json) }
      },
      { runs: 80, seed: 0x10801 },
    )
    await hostile(
      'PUT /api/admin/notify/settings',
      body({ includeContent: flag, triageMode: choice(TRIAGE_MODES, 'digest'), remindDays: fc.oneof(number, fc.integer({ min: -1, max: 15 })), digestHour: fc.oneof(number, fc.integer({ min: -1, max: 24 })) }),
      async (input) => {
        const json = wire({ includeContent: false, triageMode: 'digest', remindDays: 2, digestHour: 8 }, input)
        return { res: await c.as.admin.put('/api/admin/notify/settings', json), accepted: accepts(NotifySettingsSchema, json) }
      },
      { runs: 80, seed: 0x10802 },
    )
  })
})
