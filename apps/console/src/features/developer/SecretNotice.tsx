import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret the host shows once: copy it now, it is stored only as a hash. */
export function SecretNotice({ label, secret }: { label: string; secret: string }) {
  const { t } = useTranslation('developer');
  return (
    <Alert
      type="warning"
      showIcon
      title={t('secret.once', { label })}
      description={
        <Typography.Text code copyable={{ text: secret, tooltips: [t('secret.copy'), t('secret.copied')] }}>
          {secret}
        </Typography.Text>
      }
    />
  );
}
