import { QueryState } from '@kongjian/client';
import { Button, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PostCard } from './PostCard';
import { type PostKind, useUserPosts } from './queries';

/** One person's moods or blogs, newest first, as full post cards, with "load more". */
export function PostList({ userId, kind }: { userId: string; kind?: PostKind }) {
  const { t } = useTranslation();
  const posts = useUserPosts(userId, kind);
  return (
    <QueryState query={posts}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('common:empty')} />;
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {items.map((post) => (
              <PostCard key={post.id} post={post} />
            ))}
            {posts.hasNextPage && (
              <Button block loading={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
                {t('common:loadMore')}
              </Button>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
