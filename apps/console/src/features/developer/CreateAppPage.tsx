import { ProblemAlert } from '@kongjian/client';
import { Button, Card, Form, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { invalidFields, ManifestFields, type ManifestValues, toManifest } from './manifest';
import { type App, type Category, useCreateApp } from './queries';
import { IconUpload, ListingFields } from './ListingPanel';
import { SecretNotice } from './SecretNotice';

interface NewAppValues extends ManifestValues {
  name: string;
  description?: string;
  category: Category;
  clientType: 'confidential' | 'public';
}

/** Registering an app: its listing, its client type, and its first manifest (version 1, a draft). */
export default function CreateAppPage() {
  const { t } = useTranslation('developer');
  const create = useCreateApp();
  const [created, setCreated] = useState<{ app: App; secret: string | null } | null>(null);

  if (created) {
    return (
      <Card>
        <Typography.Title level={1}>{t('create.done', { name: created.app.name })}</Typography.Title>
        <Typography.Paragraph>
          {t('credentials.clientId')}:{' '}
          <Typography.Text code copyable>
            {created.app.clientId}
          </Typography.Text>
        </Typography.Paragraph>
        {created.secret && <SecretNotice label={t('credentials.clientSecret')} secret={created.secret} />}
        <div style={{ marginTop: 16 }}>
          <IconUpload app={created.app} />
        </div>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to={`/apps/${created.app.id}`}>{t('create.openApp')}</Link>
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <>
      <Typography.Title level={1}>{t('create.title')}</Typography.Title>
      <Card>
        <Form<NewAppValues>
          layout="vertical"
          initialValues={{ category: 'games', clientType: 'confidential' }}
          onFinish={({ name, description, category, clientType, ...manifest }) =>
            create.mutate(
              {
                name: name.trim(),
                description: description?.trim() ?? '',
                category,
                clientType,
                ...toManifest(manifest),
              },
              { onSuccess: ({ app, clientSecret }) => setCreated({ app, secret: clientSecret }) },
            )
          }
        >
          <ListingFields />
          <Form.Item name="clientType" label={t('create.clientType')} extra={t('create.clientTypeHelp')}>
            <Radio.Group
              options={(['confidential', 'public'] as const).map((type) => ({
                value: type,
                label: t(`create.clientTypes.${type}`),
              }))}
            />
          </Form.Item>
          <ManifestFields invalid={invalidFields(create.error)} />
          {create.isError && <ProblemAlert error={create.error} />}
          <Button type="primary" htmlType="submit" loading={create.isPending} style={{ marginTop: 16 }}>
            {t('create.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
