import type { Text } from '../i18n/lang'
/** Texts of the photos on an item (the worker's and those sent with a report back). */
export const PHOTO_TEXT = {
  photos: { zh: '照片', en: 'Photos' },
  photoWorker: { zh: '员工拍的照片', en: 'Worker’s photo' },
  photoReport: { zh: '反馈照片', en: 'Report photo' },
  photoClose: { zh: '关闭', en: 'Close' },
  photoAdd: { zh: '添加照片', en: 'Add photos' },
  photoLimit: { zh: '最多 {n} 张，选好后马上上传。', en: 'Up to {n}; each is sent as soon as it is chosen.' },
  photoTooMany: { zh: '最多只能附 {n} 张照片，多选的没有添加。', en: 'At most {n} photos; the extra ones were not added.' },
  photoUploading: { zh: '上传中…', en: 'Uploading…' },
  photoUploaded: { zh: '已上传', en: 'Uploaded' },
  photoUnreadable: { zh: '无法读取这张图片，请换一张。', en: 'This picture cannot be read; choose another.' },
  photoNoNetwork: { zh: '网络不好，照片没有传完。', en: 'The network dropped; the photo is not sent yet.' },
  photoRetry: { zh: '重试', en: 'Try again' },
  photoWait: { zh: '照片上传完才能反馈。', en: 'Wait for the photos to finish uploading.' },
} as const satisfies Record<string, Text>
