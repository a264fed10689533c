import { useText } from '../use-text'

export interface TableRow {
  key: string
  name: string
  href: string | null
  cells: string[]
}

/** The numbers behind a chart, as a plain table: read by screen readers, copied into reports. */
export function BreakdownTable({ caption, nameHeader, columns, rows }: { caption: string; nameHeader: string; columns: string[]; rows: TableRow[] }) {
  const { s } = useText()
  if (rows.length === 0) return <p class="adm-muted">{s('nothingYet')}</p>
  return (
    <div class="dash-table-wrap">
      <table class="dash-table">
        <caption class="adm-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.href ? <a href={row.href}>{row.name}</a> : row.name}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
