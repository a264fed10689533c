import { describe, expect, it } from 'vitest'
import {
  ACTION_NAMES,
  ACTIONS,
  ANSWERED_STATUSES,
  EVENT_KINDS,
  STATUSES,
  actionsFrom,
  PUBLIC_EVENT_KINDS,
  transition,
  type Action,
  type ActorKind,
  type Status,
} from '../../shared/lifecycle'

const ACTORS: ActorKind[] = ['worker', 'officer', 'handler', 'leader', 'system']

// The expected table, written out by hand: the test is only worth something if it does not
// derive its expectations from the code under test. `null`: the item keeps its status.
const NOT_MERGED: Status[] = ['submitted', 'accepted', 'dispatched', 'reported', 'replied', 'closed', 'declined']
const ALLOWED: Array<[Status, Action, Status | null, ActorKind[]]> = [
  ['submitted', 'accept', 'accepted', ['officer']],
  ['submitted', 'decline', 'declined', ['officer']],
  ['accepted', 'decline', 'declined', ['officer']],
  ['submitted', 'merge', 'merged', ['officer']],
  ['accepted', 'merge', 'merged', ['officer']],
  ['accepted', 'dispatch', 'dispatched', ['officer']],
  ['dispatched', 'dispatch', 'dispatched', ['officer']],
  ['reported', 'dispatch', 'dispatched', ['officer']],
  ['dispatched', 'report', 'reported', ['handler', 'officer']],
  ['accepted', 'reply', 'replied', ['officer']],
  ['reported', 'reply', 'replied', ['officer']],
  ['replied', 'close', 'closed', ['officer']],
  ['replied', 'reopen', 'accepted', ['worker', 'officer']],
  ['closed', 'reopen', 'accepted', ['worker', 'officer']],
  ['declined', 'reopen', 'accepted', ['worker', 'officer']],
  ...NOT_MERGED.map((s): [Status, Action, null, ActorKind[]] => [s, 'classify', null, ['officer']]),
  ...[...NOT_MERGED, 'merged' as const].map((s): [Status, Action, null, ActorKind[]] => [s, 'note', null, ['officer', 'handler', 'leader']]),
  ...[...NOT_MERGED, 'merged' as const].map((s): [Status, Action, null, ActorKind[]] => [s, 'reveal', null, ['officer']]),
  ['dispatched', 'urge', null, ['officer']],
  ...(['accepted', 'dispatched', 'reported'] as const).map((s): [Status, Action, null, ActorKind[]] => [s, 'instruct', null, ['leader']]),
]

describe('transition', () => {
  for (const status of STATUSES) {
    for (const action of ACTION_NAMES) {
      const rule = ALLOWED.find(([from, a]) => from === status && a === action)
      for (const actor of ACTORS) {
        if (rule && rule[3].includes(actor)) {
          it(`allows ${actor} to ${action} from ${status} (→ ${rule[2]})`, () => {
            expect(transition(status, action, actor)).toEqual({ ok: true, action, from: status, to: rule[2] })
          })
        } else if (rule) {
          it(`refuses ${action} from ${status} by ${actor}`, () => {
            expect(transition(status, action, actor)).toEqual({ ok: false, code: 'actor_not_allowed', action, from: status, actor })
          })
        } else {
          it(`refuses ${action} from ${status} (${actor})`, () => {
            const result = transition(status, action, actor)
            expect(result.ok).toBe(false)
            expect(result).toMatchObject({ code: 'transition_not_allowed', from: status, action })
          })
        }
      }
    }
  }

  it('lists exactly the hand-written allowed pairs', () => {
    const fromTable = ACTION_NAMES.flatMap((a) => (ACTIONS[a].from as readonly Status[]).map((s) => `${s}:${a}`)).sort()
    expect(fromTable).toEqual(ALLOWED.map(([s, a]) => `${s}:${a}`).sort())
  })

  it('tells which actions remain possible when refusing', () => {
    const result = transition('submitted', 'close', 'officer')
    expect(result).toMatchObject({ ok: false, allowed: ['accept', 'decline', 'merge', 'classify', 'note', 'reveal'] })
  })

  it('leaves merged items with no way out, only notes and reveals', () => {
    expect(actionsFrom('merged')).toEqual(['note', 'reveal'])
  })

  it('offers a worker only the reopen of an answered item', () => {
    expect(actionsFrom('replied', 'worker')).toEqual(['reopen'])
    expect(ACTION_NAMES.filter((a) => ACTIONS[a].by.some((by) => by === 'worker'))).toEqual(['reopen'])
    expect(actionsFrom('submitted', 'worker')).toEqual([])
  })

  it('never shows internal notes or identity reveals to the worker', () => {
    expect([...PUBLIC_EVENT_KINDS].sort()).toEqual(['accept', 'close', 'decline', 'dispatch', 'merge', 'message', 'rate', 'reopen', 'reply', 'report', 'submit'])
  })

  it('lists every event kind once: the actions, creation, partial reports and the worker\'s say', () => {
    const expected = ['accept', 'report', 'dispatch', 'reply', 'close', 'reopen', 'decline', 'merge', 'classify', 'urge', 'instruct', 'note', 'reveal', 'submit', 'assignment_report', 'rate', 'message']
    expect([...EVENT_KINDS].sort()).toEqual(expected.sort())
  })

  it('counts replied, closed and declined items as answered, and nothing else', () => {
    expect([...ANSWERED_STATUSES].sort()).toEqual(['closed', 'declined', 'replied'])
  })
})
