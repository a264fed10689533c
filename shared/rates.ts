import type { Rating } from './ratings'
import { ANSWERED_STATUSES, STATUSES, type Status } from './statuses'

/**
 * The union's figures, defined once: each one's name on the wire, its label and its definition
 * in words (shown in the UI, copied into docs/api.md, where a test holds them equal). Every
 * figure is over the items RECEIVED in the period (China dates, inclusive) that the reviewer
 * may see; the server's one query is server/domain/items/stats.ts.
 */
interface Figure {
  label: { zh: string; en: string }
  definition: { zh: string; en: string }
}

/** Ratios from 0 to 1, or `null` when there is nothing to count (no denominator). */
export const RATES = {
  replyRate: {
    label: { zh: '答复率', en: 'Reply rate' },
    definition: {
      zh: '已答复的意见数（已答复、已办结，或说明理由不予采纳） ÷ 需要答复的意见数（合并的重复意见除外）。',
      en: 'Items answered (replied, closed, or declined with a reason) ÷ items that need an answer (all but merged duplicates).',
    },
  },
  implementationRate: {
    label: { zh: '落实率', en: 'Implementation rate' },
    definition: {
      zh: '交办过、且每一次交办都反馈“已完成”的意见数 ÷ 交办过的意见数。按意见计，不按交办次数计。',
      en: 'Items with at least one dispatch, every one of them reported completed ÷ items with at least one dispatch. Counted per item, not per dispatch.',
    },
  },
  onTimeRate: {
    label: { zh: '按期反馈率', en: 'On-time rate' },
    definition: {
      zh: '在期限当天或之前反馈的交办数 ÷ 已反馈或已过期限的交办数。',
      en: 'Dispatches reported on or before their deadline ÷ dispatches reported or past their deadline.',
    },
  },
  satisfactionRate: {
    label: { zh: '满意率', en: 'Satisfaction rate' },
    definition: {
      zh: '员工评价为“满意”或“基本满意”的意见数 ÷ 有员工评价的意见数（以最近一次评价为准）。',
      en: 'Items rated satisfied or mostly satisfied ÷ items rated (the latest rating counts).',
    },
  },
} as const satisfies Record<string, Figure>

/** Counts of items. */
export const COUNTS = {
  received: {
    label: { zh: '收到意见', en: 'Received' },
    definition: { zh: '期间内收到的意见数。', en: 'Items received in the period.' },
  },
  open: {
    label: { zh: '待答复', en: 'Awaiting an answer' },
    definition: {
      zh: '尚未答复的意见数（已提交、已受理、办理中、已反馈），合并的重复意见除外。',
      en: 'Items not answered yet (submitted, accepted, dispatched, reported), merged duplicates left out.',
    },
  },
  overdue: {
    label: { zh: '超期未反馈', en: 'Overdue' },
    definition: {
      zh: '至少有一次交办已过期限仍未反馈的意见数。',
      en: 'Items with at least one dispatch past its deadline and not reported.',
    },
  },
  proposals: {
    label: { zh: '合理化建议', en: 'Proposals' },
    definition: { zh: '标为合理化建议的意见数。', en: 'Items marked as proposals (合理化建议).' },
  },
} as const satisfies Record<string, Figure>

/** Durations in days, or `null` when no item counts. */
export const DURATIONS = {
  medianDaysToReply: {
    label: { zh: '首次答复用时中位数', en: 'Median time to first answer' },
    definition: {
      zh: '从收到意见到第一次答复（或说明理由不予采纳）的天数的中位数；没有答复过的意见不计。用时按档计：10 天以内按 0.1 天，30 天以内按半天，120 天以内按 1 天，120 天以上记为 120 天。',
      en: 'The median, in days, from receipt to the first answer (a reply, or a decline with a reason); items never answered are left out. Times count in steps: a tenth of a day up to 10 days, half a day up to 30, a day up to 120, and 120 days for anything longer.',
    },
  },
} as const satisfies Record<string, Figure>

export type RateName = keyof typeof RATES
export type CountName = keyof typeof COUNTS
export type DurationName = keyof typeof DURATIONS
/** Every figure, rates first: the order the UI and docs/api.md list them in. */
export const FIGURES: Record<RateName | CountName | DurationName, Figure> = { ...RATES, ...COUNTS, ...DURATIONS }
export type FigureName = keyof typeof FIGURES

/** Statuses still waiting for the union's answer: neither answered nor merged into another item. */
export const OPEN_STATUSES = STATUSES.filter((s) => s !== 'merged' && !(ANSWERED_STATUSES as readonly Status[]).includes(s))

/** The ratings that count as satisfied: 满意 and 基本满意. */
export const SATISFIED_RATINGS = ['satisfied', 'basically'] as const satisfies readonly Rating[]

/** A ratio, or `null` when there is nothing to count. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null
}

/**
 * A first answer's delay step (the database's `answer_bucket`, migration 21) as days: the step's
 * lower bound. Steps 0-99 are tenths of a day, 100-139 half days from 10, 140-229 days from 30,
 * 230 is 120 days or more.
 */
export function answerStepDays(step: number): number {
  if (step < 100) return step / 10
  if (step < 140) return 10 + (step - 100) / 2
  return Math.min(30 + (step - 140), 120)
}

/** The median of the delays counted per step, as `percentile_cont(0.5)` over the steps' days; `null` for none. */
export function medianOfSteps(counts: ReadonlyArray<{ step: number; items: number }>): number | null {
  const sorted = [...counts].filter((c) => c.items > 0).sort((a, b) => a.step - b.step)
  const total = sorted.reduce((n, c) => n + c.items, 0)
  if (total === 0) return null
  const at = (position: number) => {
    let seen = 0
    for (const c of sorted) {
      seen += c.items
      if (position < seen) return answerStepDays(c.step)
    }
    return answerStepDays(sorted.at(-1)!.step)
  }
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2
}
