import { QueryState } from '@kongjian/client';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PostCard } from './PostCard';
import { usePost } from './queries';

/** One post with its comments open: where notifications and shared links lead. */
export default function PostPage() {
  const { t } = useTranslation('posts');
  const { postId = '' } = useParams();
  const post = usePost(postId);
  return (
    <div className="kj-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      <h1 className="kj-visually-hidden">{t('pageTitle')}</h1>
      <QueryState query={post}>{(data) => <PostCard post={data} commentsOpen />}</QueryState>
    </div>
  );
}
