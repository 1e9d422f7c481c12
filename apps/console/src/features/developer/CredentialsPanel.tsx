import { ProblemAlert } from '@kongjian/client';
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RotateButton } from './RotateButton';
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
          <RotateButton
            label={t('credentials.rotate')}
            confirm={t('credentials.rotateConfirm')}
            rotate={rotate}
          />
          {rotate.data && (
            <SecretNotice label={t('credentials.clientSecret')} secret={rotate.data.clientSecret} />
          )}
          {rotate.isError && <ProblemAlert error={rotate.error} />}
        </>
      )}
    </Space>
  );
}
