import type { ComponentChildren } from 'preact'
import { useText } from '../use-text'

/**
 * One table of the report: a header row repeated on every printed page, rows never split
 * across pages (report.css). `numeric` names the columns aligned right; no rows: 无.
 */
export function ReportTable({ head, rows, numeric = [] }: { head: string[]; rows: ComponentChildren[][]; numeric?: number[] }) {
  const { s } = useText()
  if (rows.length === 0) return <p class="report-none">{s('reportNone')}</p>
  const cls = (i: number) => (numeric.includes(i) ? 'report-num' : undefined)
  return (
    <table class="report-table">
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col" class={cls(i)}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} class={cls(i)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
