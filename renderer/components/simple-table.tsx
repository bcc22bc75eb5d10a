import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface Column<T> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  readonly width?: string;
}

/** A small data table with a caption for screen readers; the text version of every chart. */
export function SimpleTable<T>(props: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  getKey: (row: T) => string;
}) {
  return (
    <Table size="small" aria-label={props.caption}>
      <TableHeader>
        <TableRow>
          {props.columns.map((c) => (
            <TableHeaderCell key={c.key} style={c.width ? { width: c.width } : undefined}>
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={props.getKey(row)}>
            {props.columns.map((c) => (
              <TableCell key={c.key}>{c.cell(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
