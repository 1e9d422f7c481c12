import { QueryState } from '@kongjian/client';
import { Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import { useBlocks, useUnblock } from './queries';
import { formatDate, useProblemToast } from './shared';

/** People I blocked: they cannot reach me; unblocking does not make us friends again. */
export function BlockList() {
  const { t, i18n } = useTranslation('friends');
  const blocks = useBlocks();
  const unblock = useUnblock();
  const toast = useProblemToast();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('blocks.intro')}</Typography.Paragraph>
      <QueryState query={blocks}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('blocks.empty')} />
          ) : (
            <List
              aria-label={t('tabs.blocks')}
              dataSource={data.items}
              rowKey={(block) => block.user.id}
              renderItem={(block) => (
                <List.Item>
                  <div className="kj-friend-row">
                    <Space orientation="vertical" size={0}>
                      <UserLink user={block.user} />
                      <Typography.Text type="secondary">
                        {t('blocks.since', { date: formatDate(block.since, i18n.language) })}
                      </Typography.Text>
                    </Space>
                    <Button
                      size="small"
                      onClick={() => unblock.mutate(block.user.id, { onError: toast })}
                      aria-label={t('blocks.unblockNamed', { name: block.user.nickname })}
                    >
                      {t('blocks.unblock')}
                    </Button>
                  </div>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </>
  );
}
