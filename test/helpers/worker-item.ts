import { newFollowUpCode } from '../../shared/follow-up-code'
import { uuidv7 } from '../../shared/uuid'
import type { SubmitItemInput } from '../../shared/validation'

/** An anonymous item as a worker's phone makes it at QR point `cs1`, with a fresh id and 查询码. */
export function workerItem(content = '食堂晚饭太早，夜班的同事吃不上热饭', extra: Partial<SubmitItemInput> = {}): SubmitItemInput {
  return {
    id: uuidv7(),
    followUpCode: newFollowUpCode(),
    entryPoint: 'cs1',
    category: 'livelihood',
    content,
    anonymous: true,
    createdAt: new Date().toISOString(),
    ...extra,
  }
}
