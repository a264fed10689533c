import { PHOTO_LIMITS } from '../../shared/photos'
import type { Text } from '../i18n/lang'

/** The texts of photos, on the form and in 我的意见; zh-CN first. */
export const PHOTO_TEXT = {
  add: { zh: '添加照片', en: 'Add photos' },
  count: { zh: `照片 {n}/${PHOTO_LIMITS.perItem}`, en: `Photos {n}/${PHOTO_LIMITS.perItem}` },
  photo: { zh: '照片 {n}', en: 'Photo {n}' },
  remove: { zh: '删除照片', en: 'Remove photo' },
  working: { zh: '正在处理照片…', en: 'Preparing the photo…' },
  private: { zh: '照片会在手机上缩小后保存，不含拍摄地点、时间和相机信息。', en: 'Photos are made smaller on the phone and carry no place, time or camera details.' },
  full: { zh: '手机存储空间不足，照片没有保存，意见可以不带照片提交。', en: 'The phone is out of storage: the photo was not saved. The item can be submitted without it.' },
  tooMany: { zh: `每条意见最多 ${PHOTO_LIMITS.perItem} 张照片。`, en: `At most ${PHOTO_LIMITS.perItem} photos per item.` },
  duplicate: { zh: '这张照片已经添加过了。', en: 'This photo is already added.' },
  unreadable: { zh: '这张图片打不开，请换一张。', en: 'This picture cannot be opened; please choose another.' },
  noStorage: { zh: '这台手机无法保存照片，意见可以不带照片提交。', en: 'This phone cannot keep photos; the item can be submitted without them.' },
  uploading: { zh: '照片正在上传', en: 'Photos uploading' },
  uploaded: { zh: '照片已上传', en: 'Photos uploaded' },
  refused: { zh: '照片未被接收：', en: 'Photo not accepted: ' },
  staff: { zh: '处理情况照片', en: 'Photos from the handler' },
  offline: { zh: '联网后显示', en: 'Shown when online' },
} as const satisfies Record<string, Text>

export type PhotoKey = keyof typeof PHOTO_TEXT
