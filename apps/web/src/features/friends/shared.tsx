import { problemMessage } from '@kongjian/client';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBlock } from './queries';

/** Shows a failed row action (remove, accept, block…) as a sentence; the row comes back by itself. */
export function useProblemToast() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown) => void message.error(problemMessage(error, t));
}

/** "Load more" under a keyset-paged list, only while there is more. */
export function LoadMore({ query }: { query: UseInfiniteQueryResult }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button
      block
      style={{ marginTop: 8 }}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {t('common:loadMore')}
    </Button>
  );
}

/** Blocks a person after asking, since it also ends the friendship. */
export function BlockButton({ userId, nickname }: { userId: string; nickname: string }) {
  const { t } = useTranslation('friends');
  const block = useBlock();
  const toast = useProblemToast();
  return (
    <Popconfirm
      title={t('block.confirmTitle', { name: nickname })}
      description={t('block.confirmText')}
      okText={t('block.action')}
      okButtonProps={{ danger: true }}
      cancelText={t('common:cancel')}
      onConfirm={() => block.mutateAsync(userId).catch(toast)}
    >
      <Button size="small" danger type="text" loading={block.isPending}>
        {t('block.action')}
      </Button>
    </Popconfirm>
  );
}

export function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(language, { year: 'numeric', month: 'short', day: 'numeric' });
}
