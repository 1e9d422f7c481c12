import { QueryState } from '@kongjian/client';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '../../app/LoadMore';
import { ScrollTable } from '../../app/ScrollTable';
import { type SubmittedVersion, useReviewQueue } from './queries';

/** 审核队列: versions waiting for a reviewer, oldest first. */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation('review');
  const queue = useReviewQueue();
  return (
    <>
      <Typography.Title level={1}>{t('queue.title')}</Typography.Title>
      <QueryState query={queue}>
        {(data) => {
          // The host gives the queue oldest first; later pages continue it.
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t('queue.empty')} />;
          return (
            <>
              <ScrollTable<SubmittedVersion>
                label={t('queue.title')}
                rowKey={(item) => `${item.app.id}:${item.version.number}`}
                dataSource={items}
                columns={[
                  {
                    title: t('queue.app'),
                    render: (_, item) => (
                      <Link to={`/review/apps/${item.app.id}`}>
                        {t('queue.appVersion', { name: item.app.name, number: item.version.number })}
                      </Link>
                    ),
                  },
                  {
                    title: t('queue.developer'),
                    render: (_, item) => `${item.app.developer.nickname} @${item.app.developer.username}`,
                  },
                  {
                    title: t('queue.submitted'),
                    render: (_, item) => new Date(item.version.updatedAt).toLocaleString(i18n.language),
                  },
                ]}
              />
              <LoadMore query={queue} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
