import { DeleteOutlined } from '@ant-design/icons';
import { problemMessage, QueryState } from '@kongjian/client';
import { App, Button, Empty, Form, Input, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ModerationTag } from '../../components/ModerationTag';
import { UserLink } from '../../components/UserAvatar';
import { type Space, useBoardMessages, useDeleteBoardMessage, usePostBoardMessage } from './queries';

/** The message board (留言板): read and write as the owner allows; delete your own, or any as the owner. */
export function MessageBoard({ space }: { space: Space }) {
  const { t, i18n } = useTranslation('space');
  const { message } = App.useApp();
  const messages = useBoardMessages(space.id, space.canReadBoard);
  const post = usePostBoardMessage(space.id);
  const remove = useDeleteBoardMessage(space.id);
  const [form] = Form.useForm<{ body: string }>();

  return (
    <>
      {space.canWriteBoard ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ body }) =>
            post.mutate(body.trim(), {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('board.sent'));
              },
            })
          }
        >
          <Form.Item
            name="body"
            label={t('board.label')}
            rules={[{ required: true, whitespace: true, message: t('board.required') }]}
            validateStatus={post.isError ? 'error' : undefined}
            help={post.isError ? problemMessage(post.error, t) : undefined}
          >
            <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            {t('board.send')}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">
          {space.relationship === null ? t('board.signIn') : t('board.friendsOnly')}
        </Typography.Paragraph>
      )}
      {space.canReadBoard ? (
        <QueryState query={messages}>
          {(data) => {
            const items = data.pages.flatMap((page) => page.items);
            if (items.length === 0) return <Empty description={t('board.none')} />;
            return (
              <List
                dataSource={items}
                renderItem={(entry) => (
                  <List.Item
                    key={entry.id}
                    actions={
                      entry.deletable
                        ? [
                            <Popconfirm
                              key="delete"
                              title={t('board.deleteConfirm')}
                              okText={t('common:delete')}
                              cancelText={t('common:cancel')}
                              okButtonProps={{ danger: true }}
                              onConfirm={() =>
                                remove.mutate(entry.id, {
                                  onError: (error) => void message.error(problemMessage(error, t)),
                                })
                              }
                            >
                              <Button
                                type="text"
                                size="small"
                                danger
                                icon={<DeleteOutlined aria-hidden />}
                                aria-label={t('board.delete')}
                              />
                            </Popconfirm>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={<UserLink user={entry.author} />}
                      description={
                        <>
                          <Typography.Paragraph style={{ marginBottom: 4, color: 'rgba(0,0,0,0.88)' }}>
                            {entry.body}
                          </Typography.Paragraph>
                          <Typography.Text type="secondary">
                            {new Date(entry.createdAt).toLocaleString(i18n.language)}
                          </Typography.Text>
                          <ModerationTag moderation={entry.moderation} />
                        </>
                      }
                    />
                  </List.Item>
                )}
                loadMore={
                  messages.hasNextPage && (
                    <Button
                      block
                      loading={messages.isFetchingNextPage}
                      onClick={() => void messages.fetchNextPage()}
                    >
                      {t('common:loadMore')}
                    </Button>
                  )
                }
              />
            );
          }}
        </QueryState>
      ) : null}
    </>
  );
}
