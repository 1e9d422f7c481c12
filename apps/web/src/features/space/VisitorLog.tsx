import { QueryState } from '@kongjian/client';
import { Button, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import { type Space, useVisitors } from './queries';

/** Visitors (访客): the owner sees who came; everybody sees how many. */
export function VisitorLog({ space, isOwner }: { space: Space; isOwner: boolean }) {
  const { t, i18n } = useTranslation('space');
  const visitors = useVisitors(space.id, isOwner);
  const counts = (
    <Typography.Paragraph>
      {t('visitors.counts', { total: space.visitorCount, today: space.visitorsToday })}
    </Typography.Paragraph>
  );
  if (!isOwner) return counts;
  return (
    <>
      {counts}
      <QueryState query={visitors}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t('visitors.none')} />;
          return (
            <List
              aria-label={t('visitors.list')}
              dataSource={items}
              renderItem={(visit) => (
                <List.Item key={`${visit.visitor.id}-${visit.visitedAt}`}>
                  <UserLink user={visit.visitor} />
                  <Typography.Text type="secondary">
                    {new Date(visit.visitedAt).toLocaleString(i18n.language)}
                  </Typography.Text>
                </List.Item>
              )}
              loadMore={
                visitors.hasNextPage && (
                  <Button block onClick={() => void visitors.fetchNextPage()}>
                    {t('common:loadMore')}
                  </Button>
                )
              }
            />
          );
        }}
      </QueryState>
    </>
  );
}
