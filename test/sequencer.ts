import { BaseSequencer, type TestSpecification } from 'vitest/node'

// The files that take longest, by kind: the browser suites, then those that start processes or
// run thousands of requests. Started first, they do not leave one worker busy at the end while
// the other idles (a fresh clone has no timings of past runs to sort by).
const SLOW = [/\/test\/e2e\//, /\/test\/server\/(hostile|cli|db)\//]

const rank = (spec: TestSpecification) => {
  const i = SLOW.findIndex((re) => re.test(spec.moduleId))
  return i === -1 ? SLOW.length : i
}

/** Vitest's order (past durations, else file sizes), slow kinds first. */
export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map((x) => x.spec)
  }
}
