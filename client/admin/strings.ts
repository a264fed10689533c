import type { Text } from '../i18n/lang'
import { ACTION_TEXT } from './strings-actions'
import { CATEGORY_TEXT } from './strings-categories'
import { DASHBOARD_TEXT } from './strings-dashboard'
import { MANAGE_TEXT } from './strings-manage'
import { POSTER_TEXT } from './strings-posters'
import { REPORT_TEXT } from './strings-report'
import { NOTIFY_TEXT } from './strings-notify'
import { PHOTO_TEXT } from './strings-photos'
import { TASK_TEXT } from './strings-tasks'

const CORE = {
  appName: { zh: '有意见码上提', en: 'Speak Up' },
  console: { zh: '工会工作台', en: 'Union desk' },
  // What the header says to those who are not union staff (handlers, leaders).
  desk: { zh: '工作台', en: 'Desk' },
  switchLang: { zh: 'English', en: '中文' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  login: { zh: '登录', en: 'Log in' },
  loginTitle: { zh: '工作人员登录', en: 'Staff login' },
  setupTitle: { zh: '创建第一个管理员', en: 'Create the first admin' },
  setupHint: {
    zh: '这个链接只能用一次。管理员在组织的最上一级单位，登录后可以创建单位、账号和二维码。',
    en: 'This link works once. The admin sits at the top of the organisation and can then create units, accounts and QR codes.',
  },
  setupSubmit: { zh: '创建并登录', en: 'Create and log in' },
  logout: { zh: '退出登录', en: 'Log out' },
  navInbox: { zh: '意见列表', en: 'Inbox' },
  navUsers: { zh: '账号管理', en: 'Accounts' },
  navUnits: { zh: '组织单位', en: 'Units' },
  navEntryPoints: { zh: '二维码', en: 'QR codes' },
  navTemplates: { zh: '答复模板', en: 'Reply templates' },
  navPassword: { zh: '修改密码', en: 'Password' },
  mainNav: { zh: '主菜单', en: 'Main menu' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  edit: { zh: '修改', en: 'Edit' },
  delete: { zh: '删除', en: 'Delete' },
  saved: { zh: '已保存。', en: 'Saved.' },
  none: { zh: '无', en: 'None' },
  all: { zh: '全部', en: 'All' },
  yes: { zh: '是', en: 'Yes' },
  // Inbox
  stats: { zh: '统计', en: 'Figures' },
  // The figures' names and definitions are in shared/rates.ts.
  days: { zh: '天', en: 'days' },
  satisfaction: { zh: '员工评价', en: 'Ratings' },
  filters: { zh: '筛选条件', en: 'Filters' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '类别', en: 'Category' },
  unit: { zh: '单位', en: 'Unit' },
  entryPoint: { zh: '二维码地点', en: 'QR location' },
  rating: { zh: '评价', en: 'Rating' },
  fromDate: { zh: '起始日期', en: 'From' },
  toDate: { zh: '截止日期', en: 'To' },
  onlyOverdue: { zh: '只看超期', en: 'Overdue only' },
  onlyProposals: { zh: '只看合理化建议', en: 'Proposals only' },
  search: { zh: '搜索编号或内容', en: 'Search by number or text' },
  applyFilters: { zh: '筛选', en: 'Filter' },
  clearFilters: { zh: '清除条件', en: 'Clear' },
  exportLedger: { zh: '导出台账 (Excel)', en: 'Export the ledger (Excel)' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportHint: { zh: '按当前筛选条件导出，每次交办一行，含办理和答复全过程。', en: 'What the filters show, one row per dispatch, with the whole handling and the reply.' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  noItems: { zh: '没有符合条件的意见。', en: 'No items match.' },
  overdue: { zh: '已超期', en: 'Overdue' },
  due: { zh: '时限', en: 'Due' },
  anonymousItem: { zh: '匿名', en: 'Anonymous' },
  proposal: { zh: '合理化建议', en: 'Proposal' },
  // Item detail
  backToInbox: { zh: '返回列表', en: 'Back to the inbox' },
  content: { zh: '意见内容', en: 'Text' },
  summary: { zh: '摘要', en: 'Summary' },
  tags: { zh: '标签', en: 'Tags' },
  tagsHint: { zh: '多个标签用逗号分开', en: 'Separate tags with commas' },
  receivedAt: { zh: '收到时间', en: 'Received' },
  submitter: { zh: '提交人', en: 'Submitted by' },
  submitterHidden: { zh: '实名提交（未向您显示）', en: 'Named (not shown to you)' },
  employeeNo: { zh: '工号', en: 'Employee no.' },
  phone: { zh: '电话', en: 'Phone' },
  mergedInto: { zh: '已合并到', en: 'Merged into' },
  duplicates: { zh: '合并进来的意见', en: 'Merged duplicates' },
  assignments: { zh: '交办情况', en: 'Dispatches' },
  leader: { zh: '主管领导', en: 'Supervising leader' },
  responsible: { zh: '责任人', en: 'Responsible person' },
  instructions: { zh: '办理要求', en: 'Instructions' },
  open: { zh: '办理中', en: 'Open' },
  reported: { zh: '已反馈', en: 'Reported' },
  reportText: { zh: '办理情况', en: 'What was done' },
  timeline: { zh: '办理记录', en: 'History' },
  publicText: { zh: '员工可见', en: 'Shown to the worker' },
  internalNote: { zh: '内部', en: 'Internal' },
  actorWorker: { zh: '员工', en: 'Worker' },
  actorSystem: { zh: '系统', en: 'System' },
  actions: { zh: '办理操作', en: 'Actions' },
  noActions: { zh: '您对这条意见暂无可做的操作。', en: 'Nothing for you to do on this item now.' },
  reloaded: { zh: '已重新加载最新内容。', en: 'The latest version has been loaded.' },
} as const satisfies Record<string, Text>

/** Every text of the reviewers' screens, zh-CN first. Labels of statuses, roles and events live in shared/. */
export const S = { ...CORE, ...ACTION_TEXT, ...MANAGE_TEXT, ...CATEGORY_TEXT, ...POSTER_TEXT, ...REPORT_TEXT, ...DASHBOARD_TEXT, ...TASK_TEXT, ...NOTIFY_TEXT, ...PHOTO_TEXT }

export type TextKey = keyof typeof S
