import { ProblemAlert, QueryState } from '@kongjian/client';
import { Alert, Button, Card, Empty, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  KEYWORD_ACTIONS,
  type KeywordAction,
  type KeywordRule,
  useCheckText,
  useRuleActions,
  useRules,
} from './queries';

/** A text tried against the rules: which phrases match and what posting it would do. */
function TryText() {
  const { t } = useTranslation('moderation');
  const check = useCheckText();
  return (
    <Card size="small" title={<h2 className="kj-card-title">{t('rules.tryTitle')}</h2>}>
      <Form layout="vertical" onFinish={({ text }: { text: string }) => check.mutate(text)}>
        <Form.Item
          name="text"
          label={t('rules.tryLabel')}
          rules={[{ required: true, message: t('rules.tryRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button htmlType="submit" loading={check.isPending}>
          {t('rules.try')}
        </Button>
      </Form>
      {check.data && (
        <Alert
          style={{ marginTop: 12 }}
          type={check.data.action ? 'warning' : 'success'}
          showIcon
          title={t(`rules.outcome.${check.data.action ?? 'publish'}`)}
          description={
            check.data.keywords.length > 0
              ? t('rules.matched', { keywords: check.data.keywords.join('、') })
              : undefined
          }
        />
      )}
      {check.isError && <ProblemAlert error={check.error} />}
    </Card>
  );
}

/** Keyword rules: add one, change what it does, delete it; and try a text against them all. */
export function RulesPanel() {
  const { t } = useTranslation('moderation');
  const rules = useRules();
  const { create, update, remove } = useRuleActions();
  const [form] = Form.useForm<{ phrase: string; action: KeywordAction }>();
  const actionOptions = KEYWORD_ACTIONS.map((action) => ({
    value: action,
    label: t(`keywordAction.${action}`),
  }));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <TryText />
      <Card size="small" title={<h2 className="kj-card-title">{t('rules.addTitle')}</h2>}>
        <Typography.Paragraph>{t('rules.help')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          initialValues={{ action: 'hold' }}
          onFinish={(values) =>
            create.mutate(
              { phrase: values.phrase.trim(), action: values.action },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item
            name="phrase"
            label={t('rules.phrase')}
            rules={[{ required: true, whitespace: true, message: t('rules.phraseRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="action" label={t('rules.action')}>
            <Select options={actionOptions} style={{ minWidth: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('rules.add')}
          </Button>
        </Form>
        {create.isError && <ProblemAlert error={create.error} />}
      </Card>
      {(update.isError || remove.isError) && <ProblemAlert error={update.error ?? remove.error} />}
      <QueryState query={rules}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t('rules.empty')} />;
          return (
            <Table<KeywordRule>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={items}
              columns={[
                { title: t('rules.phrase'), dataIndex: 'phrase' },
                {
                  title: t('rules.action'),
                  render: (_, rule) => (
                    <Select
                      aria-label={t('rules.actionOf', { phrase: rule.phrase })}
                      value={rule.action}
                      options={actionOptions}
                      style={{ minWidth: 180 }}
                      onChange={(action) => update.mutate({ ruleId: rule.id, action })}
                    />
                  ),
                },
                {
                  title: t('rules.delete'),
                  render: (_, rule) => (
                    <Popconfirm
                      title={t('rules.deleteConfirm', { phrase: rule.phrase })}
                      okText={t('rules.delete')}
                      cancelText={t('common:cancel')}
                      onConfirm={() => remove.mutate(rule.id)}
                    >
                      <Button danger type="link" aria-label={t('rules.deleteNamed', { phrase: rule.phrase })}>
                        {t('rules.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          );
        }}
      </QueryState>
    </Space>
  );
}
