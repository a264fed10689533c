import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'

// Every Chinese line the product shows — shared texts, server texts, the worker's and the
// reviewers' interface, the docs — must be plain Simplified Chinese: no Traditional
// characters, no pinyin annotations such as 业(yè).
const toHans = OpenCC.Converter({ from: 't', to: 'cn' })
const PINYIN = /[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/

function files(dir: string): string[] {
  let out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out = out.concat(files(path))
    else if (/\.(ts|tsx|html|json|md|css)$/.test(name)) out.push(path)
  }
  return out
}

function notSimplified(text: string): string[] {
  const problems: string[] = []
  text.split('\n').forEach((line, i) => {
    const cjk = line.replace(/[^\u4e00-\u9fff]/g, '')
    if (!cjk) return
    const hans = [...toHans(cjk)]
    const odd = [...cjk].filter((c, k) => c !== hans[k])
    if (odd.length || PINYIN.test(line)) problems.push(`${i + 1}: ${odd.join('')}${PINYIN.test(line) ? ' (pinyin)' : ''}`)
  })
  return problems
}

describe('zh-CN text', () => {
  it('catches Traditional characters and pinyin annotations', () => {
    expect(notSimplified('意見內容')).not.toEqual([])
    expect(notSimplified('作业(yè)区')).not.toEqual([])
    expect(notSimplified('意见内容 查询码')).toEqual([])
  })

  const roots = ['shared', 'server', 'client', 'docs'].filter((d) => {
    try {
      return statSync(d).isDirectory()
    } catch {
      return false
    }
  })
  for (const path of [...roots.flatMap(files), 'README.md']) {
    it(`is plain Simplified Chinese in ${path}`, () => {
      expect(notSimplified(readFileSync(path, 'utf8'))).toEqual([])
    })
  }
})
