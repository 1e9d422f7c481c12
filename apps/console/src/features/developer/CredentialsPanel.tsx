import { ProblemAlert } from '@kongjian/client';
import { Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type App, useRotateSecret } from './queries';
import { SecretNotice } from './SecretNotice';

/** The client id to configure the app with, and a new secret (the old one stops working at once). */
export function CredentialsPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const rotate = useRotateSecret(app.id);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        column={1}
        bordered
        items={[
          {
            key: 'clientId',
            label: t('credentials.clientId'),
            children: (
              <Typography.Text code copyable>
                {app.clientId}
              </Typography.Text>
            ),
          },
          {
            key: 'clientType',
            label: t('create.clientType'),
            children: t(`create.clientTypes.${app.clientType}`),
          },
        ]}
      />
      {app.clientType === 'confidential' && (
        <>
          <Typography.Paragraph>{t('credentials.rotateHelp')}</Typography.Paragraph>
          <Popconfirm
            title={t('credentials.rotateConfirm')}
            okText={t('credentials.rotate')}
            cancelText={t('common:cancel')}
            onConfirm={() => rotate.mutate()}
          >
            <Button danger loading={rotate.isPending}>
              {t('credentials.rotate')}
            </Button>
          </Popconfirm>
          {rotate.data && (
            <SecretNotice label={t('credentials.clientSecret')} secret={rotate.data.clientSecret} />
          )}
          {rotate.isError && <ProblemAlert error={rotate.error} />}
        </>
      )}
    </Space>
  );
}
