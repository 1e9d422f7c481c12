import { ProblemAlert, QueryState } from '@kongjian/client';
import { Button, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTesterActions, useTesters } from './queries';

/** People who may use the app before it is published (up to 20), added by username. */
export function TestersPanel({ appId }: { appId: string }) {
  const { t } = useTranslation('developer');
  const testers = useTesters(appId);
  const { add, remove } = useTesterActions(appId);
  const [form] = Form.useForm<{ username: string }>();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph>{t('testers.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={({ username }) => add.mutate(username.trim(), { onSuccess: () => form.resetFields() })}
      >
        <Form.Item
          name="username"
          label={t('testers.username')}
          rules={[{ required: true, whitespace: true, message: t('testers.usernameRequired') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('testers.add')}
        </Button>
      </Form>
      {add.isError && <ProblemAlert error={add.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      <QueryState query={testers}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('testers.empty')} />
          ) : (
            <List
              bordered
              dataSource={data.items}
              renderItem={(tester) => (
                <List.Item
                  actions={[
                    <Button
                      key="remove"
                      type="link"
                      danger
                      onClick={() => remove.mutate(tester.user.id)}
                      aria-label={t('testers.removeNamed', { name: tester.user.username })}
                    >
                      {t('testers.remove')}
                    </Button>,
                  ]}
                >
                  {tester.user.nickname}{' '}
                  <Typography.Text type="secondary">@{tester.user.username}</Typography.Text>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </Space>
  );
}
