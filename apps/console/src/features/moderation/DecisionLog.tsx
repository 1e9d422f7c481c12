import { QueryState } from '@kongjian/client';
import { Button, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Decision, useDecisions } from './queries';

/** Every decision, newest first: who, when, on what, from which state to which, and why. */
export function DecisionLog() {
  const { t, i18n } = useTranslation('moderation');
  const decisions = useDecisions();
  return (
    <QueryState query={decisions}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('decisions.empty')} />;
        return (
          <>
            <Table<Decision>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={items}
              columns={[
                {
                  title: t('decisions.when'),
                  render: (_, row) => new Date(row.createdAt).toLocaleString(i18n.language),
                },
                { title: t('decisions.admin'), render: (_, row) => row.admin?.username ?? '—' },
                { title: t('decisions.subject'), render: (_, row) => t(`subject.${row.subjectType}`) },
                { title: t('decisions.action'), render: (_, row) => t(`action.${row.action}`) },
                {
                  title: t('decisions.change'),
                  render: (_, row) => `${t(`state.${row.previousState}`)} → ${t(`state.${row.newState}`)}`,
                },
                { title: t('decisions.reason'), render: (_, row) => row.reason ?? '—' },
              ]}
            />
            {decisions.hasNextPage && (
              <Button
                style={{ marginTop: 12 }}
                loading={decisions.isFetchingNextPage}
                onClick={() => void decisions.fetchNextPage()}
              >
                {t('common:loadMore')}
              </Button>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
