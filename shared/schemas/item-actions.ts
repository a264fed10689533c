import * as v from 'valibot'
import { categoryIdSchema } from '../categories'
import { ADMIN_LIMITS } from '../limits'
import { OUTCOMES } from '../outcomes'
import { PHOTO_LIMITS, SHA256_HEX } from '../photos'
import { REPLY_CHANNELS } from '../reply-channels'
import { record } from '../validation'
import { day, line, optionalLine, optionalText, text, uuid, version } from './fields'

/**
 * The bodies of reviewers' actions on an item; the table in `lifecycle.ts` says which action
 * takes which. `version` is the item version the reviewer saw.
 */

/** 受理 and 调整分类: any of category, summary, tags and the proposal mark. */
export const ClassificationSchema = record({
  version,
  category: v.optional(categoryIdSchema),
  summary: optionalLine(ADMIN_LIMITS.summaryMax),
  tags: v.optional(v.pipe(v.array(line(ADMIN_LIMITS.tagMax)), v.maxLength(ADMIN_LIMITS.tagsMax, 'text_too_long'))),
  proposal: v.optional(v.boolean()),
})

/** 不予采纳 (the worker reads the reason) and 重新办理 (an internal reason). */
export const ReasonSchema = record({ version, reason: text(ADMIN_LIMITS.reasonMax) })

export const MergeSchema = record({ version, into: uuid })

export const DispatchSchema = record({
  version,
  unitId: uuid,
  leaderId: uuid,
  responsibleId: uuid,
  deadline: day,
  instructions: optionalText(ADMIN_LIMITS.textMax),
})

export const ReportSchema = record({
  version,
  assignmentId: uuid,
  outcome: v.picklist(OUTCOMES, 'invalid_request'),
  text: text(ADMIN_LIMITS.textMax),
  /** The SHA-256 keys of photos this reviewer uploaded for the report (shared/photos.ts). */
  photos: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(SHA256_HEX, 'photo_not_found'))), v.maxLength(PHOTO_LIMITS.perReport, 'too_many_photos'))),
})

export const ReplySchema = v.pipe(
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
)

export const CloseSchema = record({ version })

// Notes and reveals do not change the item, so they need no version (and do not bump it).
export const NoteSchema = record({ version: v.optional(version), text: text(ADMIN_LIMITS.textMax) })

export const RevealSchema = record({ version: v.optional(version), userId: uuid, reason: text(ADMIN_LIMITS.reasonMax) })

/** 催办 one open dispatch; the words are optional (the message says what is due either way). Not a change of the item. */
export const UrgeSchema = record({ version: v.optional(version), assignmentId: uuid, text: optionalText(ADMIN_LIMITS.reasonMax) })

/** 批示: the leader's instruction, shown to the handler and the union. Not a change of the item. */
export const InstructSchema = record({ version: v.optional(version), text: text(ADMIN_LIMITS.textMax) })
