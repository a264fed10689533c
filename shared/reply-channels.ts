/** How the union answered the worker. Face-to-face answers record a date and place. */
export const REPLY_CHANNELS = ['app', 'face_to_face', 'phone', 'meeting'] as const
export type ReplyChannel = (typeof REPLY_CHANNELS)[number]

export const REPLY_CHANNEL_LABELS: Record<ReplyChannel, { zh: string; en: string }> = {
  app: { zh: '在线答复', en: 'In the app' },
  face_to_face: { zh: '面对面', en: 'Face to face' },
  phone: { zh: '电话', en: 'By phone' },
  meeting: { zh: '会议', en: 'At a meeting' },
}
