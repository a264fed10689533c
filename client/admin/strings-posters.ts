import type { Text } from '../i18n/lang'

/** Texts of the printable posters and of the QR screen's print controls. The poster speaks to workers. */
export const POSTER_TEXT = {
  printPoster: { zh: '打印海报', en: 'Print poster' },
  printAllPosters: { zh: '打印这些海报', en: 'Print these posters' },
  postersOf: { zh: '打印哪些二维码的海报', en: 'Posters of' },
  allEntryPoints: { zh: '全部二维码地点', en: 'Every QR location' },
  printNow: { zh: '打印', en: 'Print' },
  backToQr: { zh: '返回二维码列表', en: 'Back to the QR codes' },
  posterCount: { zh: '共 {n} 张海报，每张一页，A4 纵向。', en: '{n} posters, one per A4 portrait page.' },
  noPosters: { zh: '这里没有启用中的二维码地点，没有海报可打印。', en: 'No QR location in use here: no poster to print.' },
  originWhy: {
    zh: '现在打开这个页面用的是本机或内部网络的地址（{origin}），员工手机扫这样的二维码打不开。',
    en: "This page was opened at this computer's own or a private network address ({origin}); a code carrying it will not open on a worker's phone.",
  },
  originHowTo: {
    zh: '请让系统管理员在服务器的环境变量里设置 PUBLIC_ORIGIN=https://（员工手机能打开的网址），重启服务后再打印。',
    en: "Ask the system administrator to set PUBLIC_ORIGIN=https://… (the address phones can open) in the server's environment and restart it, then print.",
  },
  noQrYet: { zh: '还不能生成二维码', en: 'No QR code yet' },
  posterTextTitle: { zh: '海报上的文字', en: 'Words on the posters' },
  posterTitleLine: { zh: '标题', en: 'Title line' },
  posterFooterLine: { zh: '落款', en: 'Footer' },
  posterTextHint: {
    zh: '本单位和下级单位的海报都用这里的文字。空着就用灰色显示的文字。',
    en: 'Posters of this unit and the units below use these words. Empty: the grey text is printed.',
  },
  // On the poster itself.
  posterTitle: { zh: '有意见码上提', en: 'Speak up: scan the code' },
  posterQrAlt: { zh: '意见二维码：{place}', en: 'QR code for {place}' },
  step1Head: { zh: '扫码', en: 'Scan' },
  step1: { zh: '用手机扫上面的二维码', en: 'Point your phone at the code above' },
  step2Head: { zh: '写意见', en: 'Write' },
  step2: { zh: '写下意见或建议后提交', en: 'Type your opinion or idea and submit it' },
  step3Head: { zh: '看答复', en: 'Follow up' },
  step3: { zh: '记下查询码，凭查询码看答复', en: 'Keep the follow-up code; read the answer with it' },
  promiseAnonymous: { zh: '可以匿名，不记录身份。', en: 'You can stay anonymous: no identity is recorded.' },
  promiseDays: { zh: '工会一般在 {days} 天内答复。', en: 'The union usually answers within {days} days.' },
  promiseAnswer: { zh: '每条意见工会都会答复。', en: 'The union answers every opinion.' },
  orOpen: { zh: '扫不了码也可以打开：', en: 'Or open:' },
  unionOf: { zh: '{unit}工会', en: 'Trade union of {unit}' },
} as const satisfies Record<string, Text>
