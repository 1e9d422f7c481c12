import { RetweetOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/OnceOpened';
import type { Post } from './queries';

const RepostDialog = lazy(() => import('./RepostDialog'));

/** "Repost" under a post, with how many times it was; the dialog loads on the first click. */
export function RepostButton({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" size="small" icon={<RetweetOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {post.repostCount > 0 ? t('repostCount', { count: post.repostCount }) : t('repost')}
      </Button>
      <OnceOpened open={open}>
        <RepostDialog post={post} open={open} onClose={() => setOpen(false)} />
      </OnceOpened>
    </>
  );
}
