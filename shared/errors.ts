import { CATEGORY_LIMITS } from './categories'
import { ADMIN_LIMITS, LIMITS } from './limits'
import { NOTIFY_LIMITS, URGE_GAP_HOURS } from './notify-limits'
import { PHOTO_LIMITS } from './photos'
import type { Lang } from './lang'

/**
 * Every error code the API can answer with, its HTTP status, and the text a worker or a
 * reviewer reads, in zh-CN and English. The server answers in the request's language; the
 * client shows the same text for the same code, so the wording lives once, here.
 */
export const ERRORS = {
  invalid_json: { status: 400, zh: '请求内容格式不正确。', en: 'The request body is not valid JSON.' },
  invalid_encoding: {
    status: 400,
    zh: '提交的文字编码不正确（不是 UTF-8），内容可能已损坏，请重新输入后再试。',
    en: 'The request body is not valid UTF-8; the text may be damaged. Please type it again.',
  },
  invalid_request: { status: 400, zh: '请求内容不完整或格式不正确。', en: 'The request is incomplete or malformed.' },
  unknown_field: { status: 400, zh: '请求中有不认识的字段。', en: 'The request has a field that is not allowed.' },
  missing_field: { status: 400, zh: '请求缺少必填内容。', en: 'A required field is missing.' },
  invalid_type: { status: 400, zh: '请求中有内容的类型不对。', en: 'A field has the wrong type.' },
  invalid_id: { status: 400, zh: '意见编号格式不正确。', en: 'The item id is not a valid UUIDv7.' },
  invalid_follow_up_code: {
    status: 400,
    zh: `查询码格式不正确，应为 ${LIMITS.followUpCodeLength} 位字母和数字。`,
    en: `The follow-up code should be ${LIMITS.followUpCodeLength} letters and digits.`,
  },
  invalid_category: { status: 400, zh: '请选择类别。', en: 'Please choose a category.' },
  unknown_category: {
    status: 422,
    zh: '这个类别已停用或不存在，请重新选择类别。',
    en: 'This category is no longer in use or does not exist. Please choose another.',
  },
  category_label_taken: { status: 409, zh: '已有同名的类别。', en: 'A category of that name already exists.' },
  too_many_categories: {
    status: 409,
    zh: `类别最多 ${CATEGORY_LIMITS.max} 个（包括已停用的）。`,
    en: `There can be at most ${CATEGORY_LIMITS.max} categories (retired ones included).`,
  },
  content_too_short: {
    status: 400,
    zh: `意见内容至少 ${LIMITS.contentMin} 个字。`,
    en: `Please write at least ${LIMITS.contentMin} characters.`,
  },
  content_too_long: {
    status: 400,
    zh: `意见内容最多 ${LIMITS.contentMax} 个字。`,
    en: `Please keep it within ${LIMITS.contentMax} characters.`,
  },
  invalid_characters: {
    status: 400,
    zh: '内容中有无法保存的字符，请删除后再试。',
    en: 'The text has characters that cannot be saved; please remove them.',
  },
  name_required: { status: 400, zh: '实名提交请填写姓名，或选择匿名提交。', en: 'Please give your name, or submit anonymously.' },
  name_too_long: { status: 400, zh: `姓名最多 ${LIMITS.nameMax} 个字。`, en: `The name may have at most ${LIMITS.nameMax} characters.` },
  employee_no_invalid: {
    status: 400,
    zh: `工号只能是字母、数字和短横线，最多 ${LIMITS.employeeNoMax} 位。`,
    en: `The employee number may hold letters, digits and dashes, at most ${LIMITS.employeeNoMax}.`,
  },
  phone_invalid: { status: 400, zh: '电话号码格式不正确。', en: 'The phone number is not valid.' },
  identity_not_allowed: {
    status: 400,
    zh: '匿名提交不能带姓名、工号或电话。',
    en: 'An anonymous item may not carry a name, employee number or phone.',
  },
  invalid_date: { status: 400, zh: '时间格式不正确。', en: 'The date is not valid.' },
  batch_empty: { status: 400, zh: '没有要提交的意见。', en: 'There is nothing to submit.' },
  batch_too_large: {
    status: 400,
    zh: `一次最多提交 ${LIMITS.batchMax} 条。`,
    en: `At most ${LIMITS.batchMax} items per request.`,
  },
  body_too_large: { status: 413, zh: '提交的内容太大。', en: 'The request body is too large.' },
  unsupported_media_type: {
    status: 415,
    zh: '请求内容必须是 JSON。',
    en: 'The request body must be JSON (Content-Type: application/json).',
  },
  unknown_entry_point: {
    status: 422,
    zh: '二维码地点不存在或已停用，请重新扫码。',
    en: 'This QR code location does not exist or is no longer in use. Please scan again.',
  },
  id_conflict: {
    status: 409,
    zh: '这条意见的编号已被另一条内容不同的意见使用。',
    en: 'This item id is already used by a different item.',
  },
  follow_up_code_taken: {
    status: 409,
    zh: '这个查询码已被使用，请重新提交。',
    en: 'This follow-up code is already in use; please submit again.',
  },
  unauthenticated: { status: 401, zh: '请先登录。', en: 'Please log in.' },
  invalid_credentials: { status: 401, zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  too_many_attempts: {
    status: 429,
    zh: '这个账号在这台设备上登录失败次数太多，为防止密码被猜中，登录已暂停。',
    en: 'Too many failed logins for this account from this device; logins are paused so the password cannot be guessed.',
  },
  login_paused_account: {
    status: 429,
    zh: '这个账号最近在多处登录失败次数太多，为保护账号，登录已暂停。如果不是您本人所为，请告诉系统管理员。',
    en: 'This account has had too many failed logins from several places; logins are paused to protect it. If that was not you, tell your system administrator.',
  },
  login_paused_address: {
    status: 429,
    zh: '这台设备所在的网络最近登录失败次数太多，从这里登录已暂停。',
    en: 'Too many failed logins from this network; logins from it are paused.',
  },
  password_change_paused: {
    status: 429,
    zh: '当前密码输错次数太多，修改密码已暂停。',
    en: 'The current password was wrong too many times; password changes are paused.',
  },
  forbidden: { status: 403, zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  csrf_failed: {
    status: 403,
    zh: '请求来源无法验证，请刷新页面后重试。',
    en: 'The request could not be verified. Please reload the page and try again.',
  },
  transition_not_allowed: {
    status: 409,
    zh: '这条意见当前的状态不能进行此操作，请刷新后查看。',
    en: 'This item is not in a state that allows this. Please reload it.',
  },
  stale_version: {
    status: 409,
    zh: '这条意见刚被其他人修改过，请刷新后再操作。',
    en: 'Someone else has just changed this item. Please reload it and try again.',
  },
  text_required: { status: 400, zh: '请填写内容。', en: 'Please write something.' },
  text_too_long: { status: 400, zh: '内容太长了。', en: 'The text is too long.' },
  invalid_deadline: { status: 400, zh: '完成时限应是今天或以后的日期。', en: 'The deadline must be today or later.' },
  invalid_reply_channel: {
    status: 400,
    zh: '面对面答复请填写时间和地点。',
    en: 'For a face-to-face answer, give the date and place.',
  },
  invalid_merge_target: {
    status: 422,
    zh: '不能合并到这条意见（不存在、已合并或就是它本身）。',
    en: 'Cannot merge into that item (missing, merged itself, or the same item).',
  },
  unit_not_found: { status: 422, zh: '组织单位不存在或不在您的管辖范围内。', en: 'The unit does not exist or is outside your scope.' },
  user_not_found: { status: 422, zh: '人员不存在、已停用或不在范围内。', en: 'The person does not exist, is disabled, or is outside the scope.' },
  assignment_not_found: { status: 422, zh: '找不到这项交办任务。', en: 'That dispatch does not exist.' },
  assignment_already_reported: { status: 409, zh: '这项交办任务已经反馈过了。', en: 'This dispatch has already been reported on.' },
  urge_not_due: {
    status: 409,
    zh: '这项交办还没到催办的时候：超期或临近期限时才能催办。',
    en: 'This dispatch cannot be pressed yet: only when it is overdue or near its deadline.',
  },
  urge_too_soon: { status: 429, zh: `这项交办刚催办过，${URGE_GAP_HOURS} 小时内不再重复催办。`, en: `This dispatch was pressed less than ${URGE_GAP_HOURS} hours ago.` },
  invalid_webhook_url: { status: 400, zh: '接口地址不正确，应以 https:// 或 http:// 开头。', en: 'The webhook address must start with https:// or http://.' },
  channel_not_found: { status: 404, zh: '找不到这个消息通道。', en: 'That channel does not exist.' },
  too_many_channels: { status: 409, zh: `每个单位最多 ${NOTIFY_LIMITS.channelsPerUnit} 个消息通道。`, en: `A unit may have at most ${NOTIFY_LIMITS.channelsPerUnit} channels.` },
  secret_required: { status: 400, zh: '钉钉群机器人需要填写加签密钥（以 SEC 开头）。', en: 'A DingTalk robot needs its signing secret (starting with SEC).' },
  invalid_photo: { status: 400, zh: '这不是能打开的照片，请重新拍一张或换一张。', en: 'This is not a photo that can be opened. Please take or choose another.' },
  photo_too_large: { status: 413, zh: '照片太大了，请重新拍一张。', en: 'The photo is too large. Please take another.' },
  too_many_photos: { status: 409, zh: `最多只能附 ${PHOTO_LIMITS.perItem} 张照片。`, en: `At most ${PHOTO_LIMITS.perItem} photos.` },
  photo_hash_mismatch: { status: 422, zh: '照片传输不完整，会重新上传。', en: 'The photo did not arrive whole; it will be sent again.' },
  photo_not_found: { status: 422, zh: '找不到要附上的照片，请重新添加。', en: 'The photo to attach was not found; please add it again.' },
  invalid_range: { status: 400, zh: '照片分段上传的范围不正确。', en: 'The upload range is not valid.' },
  username_taken: { status: 409, zh: '该用户名已被使用。', en: 'That username is taken.' },
  invalid_username: {
    status: 400,
    zh: `用户名只能用小写字母、数字、点、下划线和短横线，${ADMIN_LIMITS.usernameMin} 到 ${ADMIN_LIMITS.usernameMax} 位。`,
    en: `Usernames use ${ADMIN_LIMITS.usernameMin} to ${ADMIN_LIMITS.usernameMax} lower-case letters, digits, dots, underscores or dashes.`,
  },
  password_too_short: {
    status: 400,
    zh: `密码至少 ${ADMIN_LIMITS.passwordMin} 位。`,
    en: `Passwords need at least ${ADMIN_LIMITS.passwordMin} characters.`,
  },
  invalid_role: { status: 400, zh: '角色不正确。', en: 'Unknown role.' },
  rating_not_allowed: {
    status: 409,
    zh: '收到答复后才能评价。',
    en: 'You can rate the answer once you have received it.',
  },
  invalid_rating: { status: 400, zh: '请选择满意、基本满意或不满意。', en: 'Choose satisfied, mostly satisfied or not satisfied.' },
  not_revealable: { status: 409, zh: '匿名意见没有可显示的身份。', en: 'An anonymous item has no identity to reveal.' },
  unit_not_empty: { status: 409, zh: '该单位下还有下级单位、人员、二维码或意见记录，不能删除。', en: 'The unit still has sub-units, people, QR codes or items.' },
  entry_point_code_taken: { status: 409, zh: '该二维码编号已被使用。', en: 'That QR code is already in use.' },
  unit_name_taken: { status: 409, zh: '同一上级单位下已有同名单位。', en: 'The parent unit already has a unit of that name.' },
  cannot_change_self: {
    status: 409,
    zh: '不能停用自己的账号，也不能更改自己的角色或单位。',
    en: 'You cannot disable your own account or change your own role or unit.',
  },
  setup_token_invalid: {
    status: 403,
    zh: '这个设置链接无效或已经用过。请看服务器启动时打印的新链接，或用 npm run user 命令创建管理员。',
    en: 'This setup link is not valid or has been used. Use the link the server printed at its last start, or create an admin with npm run user.',
  },
  setup_done: { status: 409, zh: '系统已经有管理员了，请直接登录。', en: 'An admin already exists; please log in.' },
  wrong_password: { status: 400, zh: '当前密码不正确。', en: 'The current password is wrong.' },
  invalid_cursor: { status: 400, zh: '翻页参数不正确。', en: 'The page cursor is not valid.' },
  invalid_query: { status: 400, zh: '筛选条件不正确。', en: 'The filter is not valid.' },
  not_found: { status: 404, zh: '找不到该内容。', en: 'Not found.' },
  entry_point_not_found: {
    status: 404,
    zh: '二维码地点不存在或已停用。',
    en: 'This QR code location does not exist or is no longer in use.',
  },
  public_origin_required: {
    status: 409,
    zh: '没有设置员工手机能打开的网址（PUBLIC_ORIGIN），不能生成二维码。',
    en: 'No address phones can open (PUBLIC_ORIGIN) is set: no QR code can be made.',
  },
  method_not_allowed: { status: 405, zh: '不支持该请求方式。', en: 'Method not allowed.' },
  headers_too_large: { status: 431, zh: '请求的网址或请求头太长。', en: 'The request line or its headers are too long.' },
  request_timeout: { status: 408, zh: '请求发送得太慢，已超时，请重试。', en: 'The request took too long to arrive. Please try again.' },
  rate_limited: { status: 429, zh: '操作太频繁，请稍后再试。', en: 'Too many requests; please try again later.' },
  internal_error: { status: 500, zh: '服务器出错了，请稍后再试。', en: 'Something went wrong on the server. Please try again later.' },
  unavailable: { status: 503, zh: '服务暂时不可用，请稍后再试。', en: 'The service is unavailable. Please try again later.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>

export type ErrorCode = keyof typeof ERRORS

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value)
}

/** The text for `code` in `lang`. */
export function errorMessage(code: ErrorCode, lang: Lang): string {
  const entry = ERRORS[code]
  return lang === 'en' ? entry.en : entry.zh
}

/** The HTTP status that `code` is answered with. */
export function errorStatus(code: ErrorCode): number {
  return ERRORS[code].status
}
