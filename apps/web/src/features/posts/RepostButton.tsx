import { RetweetOutlined } from '@ant-design/icons';
import { problemMessage, useAccount } from '@kongjian/client';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import { type Post, useRepost } from './queries';

/** "Repost" with what I say about it and who may see it; the text stays if the host refuses. */
export function RepostButton({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  const { message } = App.useApp();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<Audience | null>(null);
  const repost = useRepost(post.id);
  const chosen: Audience = audience ?? {
    privacy: account.data?.defaultPrivacy ?? 'public',
    groupIds: account.data?.defaultPrivacy === 'groups' ? account.data.defaultGroupIds : undefined,
  };
  return (
    <>
      <Button type="text" size="small" icon={<RetweetOutlined />} onClick={() => setOpen(true)}>
        {post.repostCount > 0 ? t('repostCount', { count: post.repostCount }) : t('repost')}
      </Button>
      <Modal
        title={t('repostTitle')}
        open={open}
        okText={t('repost')}
        cancelText={t('common:cancel')}
        confirmLoading={repost.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          repost.mutate(
            { text: text.trim(), audience: chosen },
            {
              onSuccess: () => {
                setOpen(false);
                setText('');
                void message.success(t('reposted'));
              },
            },
          )
        }
      >
        <Form layout="vertical">
          <Form.Item label={t('repostComment')} htmlFor={`repost-${post.id}`}>
            <Input.TextArea
              id={`repost-${post.id}`}
              value={text}
              maxLength={2000}
              autoSize={{ minRows: 2 }}
              onChange={(event) => setText(event.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('common:privacy.label')} htmlFor={`repost-privacy-${post.id}`}>
            <PrivacyPicker id={`repost-privacy-${post.id}`} value={chosen} onChange={setAudience} />
          </Form.Item>
        </Form>
        {repost.isError && (
          <Alert type="error" showIcon role="alert" title={problemMessage(repost.error, t)} />
        )}
      </Modal>
    </>
  );
}
