import { DeleteOutlined, GiftOutlined } from '@ant-design/icons';
import { problemMessage, QueryState } from '@kongjian/client';
import { App, Button, Empty, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Space, useGiftWall, useRemoveGift } from './queries';

/** The gift wall (礼物墙): the owner and friends see it; the owner may take a gift down. */
export function GiftWall({ space, isOwner }: { space: Space; isOwner: boolean }) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const maySee = space.relationship === 'self' || space.relationship === 'friend';
  const gifts = useGiftWall(space.id, maySee);
  const remove = useRemoveGift(space.id);
  if (!maySee) return <Typography.Paragraph type="secondary">{t('gifts.friendsOnly')}</Typography.Paragraph>;
  return (
    <QueryState query={gifts}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('gifts.none')} />;
        return (
          <>
            <ul className="kj-gift-grid">
              {items.map((gift) => (
                <li key={gift.id} className="kj-gift">
                  {gift.imageUrl ? (
                    <img src={gift.imageUrl} alt={gift.name} width={64} height={64} />
                  ) : (
                    <GiftOutlined className="kj-gift-icon" aria-hidden />
                  )}
                  <Typography.Text strong>{gift.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {gift.sender ? t('gifts.from', { name: gift.sender.nickname }) : t('gifts.fromGone')}
                  </Typography.Text>
                  {gift.message && <Typography.Text>“{gift.message}”</Typography.Text>}
                  {isOwner && (
                    <Popconfirm
                      title={t('gifts.removeConfirm')}
                      okText={t('gifts.remove')}
                      cancelText={t('common:cancel')}
                      onConfirm={() =>
                        remove.mutate(gift.id, {
                          onError: (error) => void message.error(problemMessage(error, t)),
                        })
                      }
                    >
                      <Button
                        type="text"
                        size="small"
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('gifts.removeNamed', { name: gift.name })}
                      />
                    </Popconfirm>
                  )}
                </li>
              ))}
            </ul>
            {gifts.hasNextPage && (
              <Button block onClick={() => void gifts.fetchNextPage()}>
                {t('common:loadMore')}
              </Button>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
