import { problemMessage, useAccount } from '@kongjian/client';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import { type Post, useRepost } from './queries';

/** What I say about the post I repost and who may see it; the text stays if the host refuses. */
export default function RepostDialog({
  post,
  open,
  onClose,
}: {
  post: Post;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('posts');
  const { message } = App.useApp();
  const account = useAccount();
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<Audience | null>(null);
  const repost = useRepost(post.id);
  const chosen: Audience = audience ?? {
    privacy: account.data?.defaultPrivacy ?? 'public',
    groupIds: account.data?.defaultPrivacy === 'groups' ? account.data.defaultGroupIds : undefined,
  };
  return (
    <Modal
      title={t('repostTitle')}
      open={open}
      okText={t('repost')}
      cancelText={t('common:cancel')}
      confirmLoading={repost.isPending}
      onCancel={onClose}
      onOk={() =>
        repost.mutate(
          { text: text.trim(), audience: chosen },
          {
            onSuccess: () => {
              onClose();
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
      {repost.isError && <Alert type="error" showIcon role="alert" title={problemMessage(repost.error, t)} />}
    </Modal>
  );
}
