import { describe, expect, it } from 'vitest'
import { ENTRY_POINT_CODE, ENTRY_POINT_CODE_PATTERN, LIMITS } from '../../shared/limits'
import { newFollowUpCode, normalizeFollowUpCode } from '../../shared/follow-up-code'

const SAMPLES = ['A', 'jz-01_east', 'x'.repeat(LIMITS.entryPointCodeMax), '', 'x'.repeat(LIMITS.entryPointCodeMax + 1), 'a b', 'a/b', '井站', 'a-', '-', 'ab\n']

describe('shared/limits', () => {
  it('takes QR point codes of letters, digits, _ and - up to the limit', () => {
    expect(SAMPLES.filter((s) => ENTRY_POINT_CODE.test(s))).toEqual(['A', 'jz-01_east', 'x'.repeat(LIMITS.entryPointCodeMax), 'a-', '-'])
  })

  it('gives the admin form a pattern attribute that accepts exactly what the schema accepts', () => {
    // Browsers compile `pattern` as ^(?:…)$ with the v flag.
    const attribute = new RegExp(`^(?:${ENTRY_POINT_CODE_PATTERN})$`, 'v')
    for (const s of SAMPLES) expect([s, attribute.test(s)]).toEqual([s, ENTRY_POINT_CODE.test(s)])
  })

  it('makes follow-up codes of the length the hints and errors state', () => {
    expect(normalizeFollowUpCode(newFollowUpCode())).toHaveLength(LIMITS.followUpCodeLength)
  })
})
