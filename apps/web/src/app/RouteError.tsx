import { WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A page that failed to load its code (an old tab after a deploy, or the network): offer a reload. Plain
 * markup rather than antd's Result, which would put its three large illustrations in every first load.
 */
export function RouteError() {
  const { t } = useTranslation('shell');
  return (
    <div className="kj-route-error" role="alert">
      <WarningOutlined className="kj-route-error-icon" aria-hidden />
      <p>{t('routeError')}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('common:retry')}
      </Button>
    </div>
  );
}
