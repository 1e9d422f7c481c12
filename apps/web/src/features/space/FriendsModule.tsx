import { api, call, QueryState } from '@kongjian/client';
import { useQuery } from '@tanstack/react-query';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserLink } from '../../components/UserAvatar';

/**
 * The friends block. The API lists only my own friends (GET /friends), so visitors see a line instead of a
 * list; the owner sees their newest friends and a link to manage them.
 */
export function FriendsModule({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation('space');
  const friends = useQuery({
    queryKey: ['friends', 'list'],
    queryFn: () => call(api.GET('/friends')),
    enabled: isOwner,
  });
  if (!isOwner) return <Typography.Paragraph type="secondary">{t('friends.private')}</Typography.Paragraph>;
  return (
    <QueryState query={friends}>
      {(data) => {
        if (data.items.length === 0) return <Empty description={t('friends.none')} />;
        return (
          <>
            <ul className="kj-friend-grid">
              {data.items.slice(0, 12).map((friend) => (
                <li key={friend.user.id}>
                  <UserLink user={friend.user} />
                </li>
              ))}
            </ul>
            <Link to="/friends">{t('friends.manage')}</Link>
          </>
        );
      }}
    </QueryState>
  );
}
