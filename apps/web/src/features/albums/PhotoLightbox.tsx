import { DeleteOutlined, HeartFilled, HeartOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { problemMessage, QueryState, useAccount } from '@kongjian/client';
import { App, Button, Empty, Form, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ModerationTag } from '../../components/ModerationTag';
import { ReportButton } from '../../components/ReportButton';
import { UserLink } from '../../components/UserAvatar';
import {
  type Photo,
  useCommentOnPhoto,
  useDeletePhoto,
  useDeletePhotoComment,
  useLikePhoto,
  usePhotoComments,
} from './queries';

/** One photo large (web size), a link to the original, likes and comments, report or delete. */
export function PhotoLightbox({
  photo,
  index,
  total,
  isOwner,
  onMove,
  onClose,
}: {
  photo: Photo;
  index: number;
  total: number;
  isOwner: boolean;
  onMove: (step: number) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('albums');
  const { message } = App.useApp();
  const account = useAccount();
  const albumId = photo.albumId ?? '';
  const like = useLikePhoto(albumId);
  const remove = useDeletePhoto(albumId, photo.ownerId);
  const title = photo.title || t('photo.untitled', { number: index + 1 });
  const signedIn = !!account.data;

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={null}
      width={880}
      centered
      closable={{ 'aria-label': t('common:close') }}
    >
      <img className="kj-lightbox-image" src={photo.webUrl} alt={title} />
      <Space wrap style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label={t('photo.previous')}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          />
          <Typography.Text>{t('photo.position', { index: index + 1, total })}</Typography.Text>
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label={t('photo.next')}
            disabled={index >= total - 1}
            onClick={() => onMove(1)}
          />
        </Space>
        <Space wrap>
          {signedIn && (
            <Button
              icon={
                photo.likedByMe ? (
                  <HeartFilled aria-hidden style={{ color: '#c2185b' }} />
                ) : (
                  <HeartOutlined aria-hidden />
                )
              }
              aria-pressed={photo.likedByMe}
              onClick={() =>
                like.mutate(
                  { photoId: photo.id, like: !photo.likedByMe },
                  { onError: (error) => void message.error(problemMessage(error, t)) },
                )
              }
            >
              {photo.likedByMe ? t('photo.liked') : t('photo.like')} · {photo.likeCount}
            </Button>
          )}
          <a href={photo.originalUrl} target="_blank" rel="noreferrer">
            {t('photo.original')}
          </a>
          {signedIn && !isOwner && <ReportButton subjectType="photo" subjectId={photo.id} />}
          {isOwner && (
            <Popconfirm
              title={t('photo.deleteConfirm')}
              okText={t('common:delete')}
              cancelText={t('common:cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutate(photo.id, {
                  onSuccess: () => {
                    void message.success(t('photo.deleted'));
                    onClose();
                  },
                  onError: (error) => void message.error(problemMessage(error, t)),
                })
              }
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>
                {t('photo.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      {photo.description && (
        <Typography.Paragraph style={{ marginTop: 12 }}>{photo.description}</Typography.Paragraph>
      )}
      <ModerationTag moderation={photo.moderation} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {new Date(photo.createdAt).toLocaleString(i18n.language)} · {photo.width}×{photo.height}
      </Typography.Text>
      <PhotoComments photo={photo} signedIn={signedIn} />
    </Modal>
  );
}

function PhotoComments({ photo, signedIn }: { photo: Photo; signedIn: boolean }) {
  const { t, i18n } = useTranslation('albums');
  const { message } = App.useApp();
  const account = useAccount();
  const comments = usePhotoComments(photo.id);
  const post = useCommentOnPhoto(photo.id, photo.albumId ?? '');
  const remove = useDeletePhotoComment(photo.id);
  const [form] = Form.useForm<{ body: string }>();

  return (
    <section aria-labelledby={`comments-${photo.id}`} style={{ marginTop: 16 }}>
      <Typography.Title level={2} id={`comments-${photo.id}`} style={{ fontSize: 16 }}>
        {t('comments.title')}
      </Typography.Title>
      {signedIn && (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ body }) => post.mutate(body.trim(), { onSuccess: () => form.resetFields() })}
        >
          <Form.Item
            name="body"
            label={t('comments.label')}
            rules={[{ required: true, whitespace: true, message: t('comments.required') }]}
            validateStatus={post.isError ? 'error' : undefined}
            help={post.isError ? problemMessage(post.error, t) : undefined}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            {t('comments.send')}
          </Button>
        </Form>
      )}
      <QueryState query={comments}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t('comments.none')} />;
          return (
            <List
              dataSource={items}
              renderItem={(comment) => (
                <List.Item
                  key={comment.id}
                  actions={
                    account.data &&
                    (account.data.id === comment.author.id || account.data.id === photo.ownerId)
                      ? [
                          <Button
                            key="delete"
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('comments.delete')}
                            onClick={() =>
                              remove.mutate(comment.id, {
                                onError: (error) => void message.error(problemMessage(error, t)),
                              })
                            }
                          />,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={<UserLink user={comment.author} />}
                    description={
                      <>
                        <Typography.Paragraph style={{ marginBottom: 0, color: 'rgba(0,0,0,0.88)' }}>
                          {comment.body}
                        </Typography.Paragraph>
                        <Typography.Text type="secondary">
                          {new Date(comment.createdAt).toLocaleString(i18n.language)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
              loadMore={
                comments.hasNextPage && (
                  <Button block onClick={() => void comments.fetchNextPage()}>
                    {t('common:loadMore')}
                  </Button>
                )
              }
            />
          );
        }}
      </QueryState>
    </section>
  );
}
