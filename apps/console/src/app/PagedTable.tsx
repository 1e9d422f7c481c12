import { QueryState } from '@kongjian/client';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Empty, type TableColumnsType } from 'antd';
import { LoadMore } from './LoadMore';
import { ScrollTable } from './ScrollTable';

/**
 * A paged list as a table, once it is there: "nothing" in words when it is empty, and while the host has more,
 * a button that loads the next page under the rows already shown. On a phone the table scrolls sideways.
 */
export function PagedTable<Item extends { id: string }>({
  query,
  label,
  empty,
  columns,
}: {
  query: UseInfiniteQueryResult<InfiniteData<{ items: Item[] }>>;
  /** What the table holds, for the scrolling region's name. */
  label: string;
  empty: string;
  columns: TableColumnsType<Item>;
}) {
  return (
    <QueryState query={query}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={empty} />;
        return (
          <>
            <ScrollTable<Item> label={label} rowKey="id" dataSource={items} columns={columns} />
            <LoadMore query={query} />
          </>
        );
      }}
    </QueryState>
  );
}
