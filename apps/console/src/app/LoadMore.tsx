import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Load more" under a list read in cursor pages, while the host says there are more. */
export function LoadMore({ query }: { query: UseInfiniteQueryResult }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button
      style={{ marginTop: 12 }}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {t('common:loadMore')}
    </Button>
  );
}
