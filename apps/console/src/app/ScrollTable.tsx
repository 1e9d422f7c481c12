import { Table, type TableProps } from 'antd';

/**
 * A compact, unpaged table that on a phone scrolls sideways inside a region a keyboard can reach and scroll
 * (axe: scrollable-region-focusable), even when the table holds nothing focusable itself.
 */
export function ScrollTable<Row extends object>({ label, ...table }: TableProps<Row> & { label: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="kj-scroll">
      <Table<Row> size="small" pagination={false} {...table} />
    </div>
  );
}
