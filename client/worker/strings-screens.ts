import { LIMITS } from '../../shared/limits'
import type { Text } from '../i18n/lang'

/**
 * The texts of the worker's screens other than the form (我的意见, 查询, after 提交, the update
 * banner), zh-CN first. They load with those screens, after the form's first paint; the form's
 * own texts are strings.ts.
 */
export const SCREEN_TEXT = {
  savedOffline: { zh: '已保存在本机，联网后自动发送', en: 'Saved on this phone; it will be sent when online' },
  delivered: { zh: '已送达，工会将尽快处理', en: 'Delivered; the union will handle it soon' },
  followUpCode: { zh: '查询码', en: 'Follow-up code' },
  itemNumber: { zh: '编号', en: 'No.' },
  codeKeep: { zh: '请记下或截图保存查询码：凭它查看处理进度和答复。', en: 'Write down or screenshot the code: it shows progress and the answer.' },
  writeAnother: { zh: '再提一条', en: 'Write another' },
  mineEmpty: { zh: '这台手机上还没有提交过意见。', en: 'Nothing has been submitted from this phone yet.' },
  pending: { zh: '待发送', en: 'Waiting to send' },
  received: { zh: '已送达', en: 'Delivered' },
  rejected: { zh: '未被接收', en: 'Not accepted' },
  syncNow: { zh: '立即同步', en: 'Sync now' },
  syncing: { zh: '正在同步…', en: 'Syncing…' },
  lastSync: { zh: '上次同步：', en: 'Last sync: ' },
  neverSynced: { zh: '尚未同步', en: 'Not synced yet' },
  syncFailed: { zh: '暂时连不上服务器，稍后自动重试', en: 'Cannot reach the server now; will retry automatically' },
  syncBusy: { zh: '服务器暂时忙，已保存在本机，稍后自动重试', en: 'The server is busy; kept on this phone, will retry automatically' },
  lookupTitle: { zh: '用查询码查看处理进度', en: 'Look up progress by follow-up code' },
  lookup: { zh: '查询', en: 'Look up' },
  lookupNotFound: { zh: '没有找到这个查询码对应的意见。', en: 'No item has this follow-up code.' },
  lookupInvalid: { zh: `查询码应为 ${LIMITS.followUpCodeLength} 位字母和数字。`, en: `A follow-up code has ${LIMITS.followUpCodeLength} letters and digits.` },
  lookupOffline: { zh: '现在连不上服务器，请联网后再查。', en: 'Cannot reach the server; please try again when online.' },
  addToMine: { zh: '加入我的意见', en: 'Add to my items' },
  mergedNote: { zh: '这条意见与另一条相同，已合并办理，以下是合并后的进度：', en: 'This item was the same as another and is handled with it; its progress:' },
  rateTitle: { zh: '您对答复满意吗？', en: 'Are you satisfied with the answer?' },
  rateMessage: { zh: '补充说明（选填）', en: 'Anything to add (optional)' },
  rateSend: { zh: '提交评价', en: 'Send rating' },
  yourRating: { zh: '您的评价：', en: 'Your rating: ' },
  messageTitle: { zh: '追加留言', en: 'Add a message' },
  messageSend: { zh: '发送留言', en: 'Send message' },
  sentThanks: { zh: '已收到，谢谢。', en: 'Received, thank you.' },
  storageRefused: {
    zh: '这台手机的浏览器没有答应长期保存本页的数据。意见发出去之前，请不要清理浏览器数据；把本页添加到主屏幕能保存得更稳。',
    en: 'This phone\'s browser did not promise to keep this page\'s data. Until your items are sent, do not clear the browser\'s data; adding this page to the home screen keeps them safer.',
  },
  copyCode: { zh: '复制查询码', en: 'Copy the code' },
  answerWithin: { zh: '工会一般在 {days} 天内答复。', en: 'The union usually answers within {days} days.' },
  expectAnswer: { zh: '预计 {date} 前答复', en: 'Answer expected by {date}' },
  copied: { zh: '已复制', en: 'Copied' },
  copyByHand: { zh: '请长按查询码复制', en: 'Press and hold the code to copy it' },
  answeredBy: { zh: '答复人：', en: 'Answered by: ' },
  yourText: { zh: '意见内容：', en: 'What you wrote: ' },
  notSentReason: { zh: '原因：', en: 'Reason: ' },
  discard: { zh: '删除', en: 'Delete' },
  edit: { zh: '修改后重新提交', en: 'Edit and resubmit' },
  statusLabel: { zh: '状态：', en: 'Status: ' },
  channel: { zh: '答复方式：', en: 'Answered: ' },
  meeting: { zh: '面谈时间地点：', en: 'Meeting: ' },
  anonymousTag: { zh: '匿名', en: 'Anonymous' },
  namedTag: { zh: '实名', en: 'Named' },
  updateReady: { zh: '新版本可用', en: 'A new version is available' },
  updateApply: { zh: '立即更新', en: 'Update now' },
  updateLater: { zh: '稍后', en: 'Later' },
} as const satisfies Record<string, Text>

export type ScreenKey = keyof typeof SCREEN_TEXT
