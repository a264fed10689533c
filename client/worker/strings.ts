import { LIMITS } from '../../shared/limits'

/**
 * The form's and the app frame's texts in zh-CN: what the first load carries. Their English is
 * strings-en.ts, fetched only when the worker chooses English; the texts of the other screens
 * (我的意见, 查询, after 提交), in both languages, are strings-screens.ts, loaded with them.
 */
export const FORM_ZH = {
  appName: '有意见码上提',
  switchLang: 'English',
  tabForm: '提意见',
  tabMine: '我的意见',
  tabLookup: '查询',
  from: '来自：',
  fromUnknown: '请扫描井站的二维码打开本页',
  choosePlace: '选择地点',
  choosePlaceHint: '请选择您所在的井站或地点',
  placesOffline: '联网后可选择地点，或扫描井站的二维码',
  placeQrFaster: '扫描井站的二维码会自动填好地点。',
  category: '类别',
  chooseCategory: '请选择类别',
  content: '意见内容',
  contentHint: `写下您的意见或建议（${LIMITS.contentMin} 到 ${LIMITS.contentMax} 字）`,
  anonymous: '匿名提交',
  anonymousHint: '匿名时不记录姓名，也不记录手机或网络信息。凭查询码查看答复。',
  name: '姓名',
  employeeNo: '工号（选填）',
  phone: '电话（选填）',
  submit: '提交',
  submitting: '正在保存…',
  draftRestored: '已恢复上次未提交的草稿',
  offlineAction: '需要联网才能提交，请联网后再试。',
  wechatHint: '在微信中打开时，离线保存可能不可靠。请点右上角“…”选择“在浏览器打开”，离线也能提交。',
  storageFull: '手机存储空间已满，无法保存。请清理空间后再试。',
  storageFailed: '无法在本机保存，请联网后直接提交。',
  saveFailed: '保存失败：',
  chars: '字',
} as const

export type FormKey = keyof typeof FORM_ZH
