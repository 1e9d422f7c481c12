import { Button, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { UserLink } from '../../components/UserAvatar';
import { type PostKind, useUserPosts } from './queries';

/**
 * One person's moods or blogs, newest first, with "load more". The space page shows it; the feed work
 * replaces the plain cards with the full post card (likes, comments, repost, report).
 */
export function PostList({ userId, kind }: { userId: string; kind?: PostKind }) {
  const { t } = useTranslation();
  const posts = useUserPosts(userId, kind);
  return (
    <QueryState query={posts}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('common:empty')} />;
        return (
          <List
            dataSource={items}
            renderItem={(post) => (
              <List.Item key={post.id}>
                <Card style={{ width: '100%' }} size="small" title={<UserLink user={post.author} />}>
                  <Typography.Paragraph>{post.body}</Typography.Paragraph>
                </Card>
              </List.Item>
            )}
            loadMore={
              posts.hasNextPage && (
                <Button block loading={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
                  {t('common:loadMore')}
                </Button>
              )
            }
          />
        );
      }}
    </QueryState>
  );
}
