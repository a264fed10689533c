/** Texts of the categories screen, and the mark a retired category carries wherever it is listed. */
export const CATEGORY_TEXT = {
  navCategories: { zh: '意见分类', en: 'Categories' },
  categoriesTitle: { zh: '意见分类', en: 'Categories' },
  categoriesHint: {
    zh: '员工填写意见时按这个顺序选择类别。停用的类别不再出现在表单上，已有的意见仍保留原来的类别。',
    en: 'Workers choose from these, in this order. A retired category is no longer offered; items that have it keep it.',
  },
  categoriesReadOnly: { zh: '只有最上一级单位的系统管理员可以修改类别。', en: 'Only admins of the top unit can change categories.' },
  categoriesCount: { zh: '共 {n} 个，最多 {max} 个（包括已停用的）。', en: '{n} of at most {max} (retired ones included).' },
  newCategory: { zh: '新增类别', en: 'New category' },
  categoryZh: { zh: '中文名称', en: 'Chinese name' },
  categoryZhHint: { zh: '必填，最多 {max} 个字', en: 'Required, up to {max} characters' },
  categoryEn: { zh: '英文名称', en: 'English name' },
  categoryEnHint: { zh: '可不填，不填时显示中文名称', en: 'Optional: the Chinese name shows when empty' },
  add: { zh: '添加', en: 'Add' },
  moveUp: { zh: '上移', en: 'Up' },
  moveDown: { zh: '下移', en: 'Down' },
  retire: { zh: '停用', en: 'Retire' },
  unretire: { zh: '恢复使用', en: 'Bring back' },
  retired: { zh: '已停用', en: 'Retired' },
  retiredMark: { zh: '（已停用）', en: ' (retired)' },
  confirmRetire: {
    zh: '停用“{name}”后，员工填写意见时不能再选它，已有的意见不受影响。确定停用吗？',
    en: 'Once "{name}" is retired workers can no longer choose it; items that have it keep it. Retire it?',
  },
} as const satisfies Record<string, { zh: string; en: string }>
