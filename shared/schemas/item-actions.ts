import * as v from 'valibot'
import { CATEGORY_IDS } from '../categories'
import { ADMIN_LIMITS } from '../limits'
import { OUTCOMES } from '../outcomes'
import { REPLY_CHANNELS } from '../reply-channels'
import { record } from '../validation'
import { day, line, optionalLine, optionalText, text, uuid, version } from './fields'

const classification = {
  category: v.optional(v.picklist(CATEGORY_IDS, 'invalid_category')),
  summary: optionalLine(ADMIN_LIMITS.summaryMax),
  tags: v.optional(v.pipe(v.array(line(ADMIN_LIMITS.tagMax)), v.maxLength(ADMIN_LIMITS.tagsMax, 'text_too_long'))),
  proposal: v.optional(v.boolean()),
}

/** The body of each reviewer action on an item. `version` is the item version the reviewer saw. */
export const ACTION_SCHEMAS = {
  accept: record({ version, ...classification }),
  classify: record({ version, ...classification }),
  decline: record({ version, reason: text(ADMIN_LIMITS.reasonMax) }),
  merge: record({ version, into: uuid }),
  dispatch: record({
    version,
    unitId: uuid,
    leaderId: uuid,
    responsibleId: uuid,
    deadline: day,
    instructions: optionalText(ADMIN_LIMITS.textMax),
  }),
  report: record({
    version,
    assignmentId: uuid,
    outcome: v.picklist(OUTCOMES, 'invalid_request'),
    text: text(ADMIN_LIMITS.textMax),
  }),
  reply: v.pipe(
    record({
      version,
      text: text(ADMIN_LIMITS.textMax),
      channel: v.picklist(REPLY_CHANNELS, 'invalid_reply_channel'),
      meetingAt: v.optional(day),
      meetingPlace: optionalLine(ADMIN_LIMITS.placeMax),
      /** Show the officer's name to the worker with the reply. */
      showName: v.optional(v.boolean()),
    }),
    v.forward(
      v.check((r) => r.channel !== 'face_to_face' || (!!r.meetingAt && !!r.meetingPlace), 'invalid_reply_channel'),
      ['meetingPlace'],
    ),
  ),
  close: record({ version }),
  reopen: record({ version, reason: text(ADMIN_LIMITS.reasonMax) }),
  note: record({ version: v.optional(version), text: text(ADMIN_LIMITS.textMax) }),
  reveal: record({ version: v.optional(version), userId: uuid, reason: text(ADMIN_LIMITS.reasonMax) }),
} as const

export type ItemActionName = keyof typeof ACTION_SCHEMAS
export const ITEM_ACTIONS = Object.keys(ACTION_SCHEMAS) as ItemActionName[]
export type ActionBody<A extends ItemActionName> = v.InferOutput<(typeof ACTION_SCHEMAS)[A]>
