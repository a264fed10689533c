import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'
import SlowFirst from './test/sequencer.ts'

// The tests' settings, on top of the app's Vite config (kept apart so that a build never loads Vitest).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: '.',
      include: ['test/**/*.test.{ts,tsx}'],
      globalSetup: ['test/global-setup.ts'],
      sequence: { sequencer: SlowFirst },
      // Two files at a time on this 2-core machine: database suites wait on PostgreSQL as much as they compute.
      maxWorkers: 2,
      // A worker keeps its modules and its test databases from one file to the next (importing the
      // server anew and loading a PGlite per file cost about half the suite's time). Files do not
      // share state through modules; each suite's database is put back before every test.
      isolate: false,
      testTimeout: 30_000,
      // A poll waits for a state the page or the server reaches: its time is a bound, not a
      // measure (1 s by default, which a busy 2-core machine overran now and then).
      expect: { poll: { timeout: 10_000 } },
      hookTimeout: 120_000,
    },
  }),
)
