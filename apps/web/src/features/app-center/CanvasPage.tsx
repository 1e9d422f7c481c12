import { QueryState } from '@kongjian/client';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AppIcon } from './AppIcon';
import { testedVersion, useAppDetail, useLaunchApp } from './queries';
import './canvas.css';

/**
 * The canvas URL with the launch token as the `launch_token` query parameter: the request for the canvas
 * page reaches the app's backend with it, which verifies it (`verifyLaunchToken`) before trusting the
 * openid. A query parameter rather than the fragment, because built-in canvases use the fragment for their
 * own navigation (polls' `#poll=…`, gifts' `#received`); they sign in with the session cookie and ignore
 * the token.
 */
export function launchUrl(canvasUrl: string, launchToken: string): string {
  const url = new URL(canvasUrl, window.location.origin);
  url.searchParams.set('launch_token', launchToken);
  return url.href;
}

/**
 * What the frame allows, and why:
 * - `allow-scripts`, `allow-forms`: a canvas is a small web app with forms.
 * - `allow-same-origin`: the canvas keeps its own origin. A third-party canvas (https, another origin)
 *   then has its own cookies and storage and still cannot reach ours; a built-in canvas is served by
 *   the host (/apps/<id>/) and needs our session cookie to call its plugin's routes. Built-in canvas code
 *   is ours (reviewed, in the repository), which is why same-origin is acceptable for it.
 * - `allow-popups`, `allow-popups-to-escape-sandbox`: links and the order confirmation page open in a new
 *   tab that works like a normal page.
 * - `allow-top-navigation-by-user-activation`: a click may send the person to the host's order page; the
 *   canvas cannot navigate Kongjian away on its own.
 * Not allowed: downloads, pointer lock, modals beyond those, top navigation without a click.
 */
const SANDBOX = [
  'allow-scripts',
  'allow-forms',
  'allow-same-origin',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-top-navigation-by-user-activation',
].join(' ');

/** An installed app's canvas inside the Kongjian frame, with its name and the way back. */
export default function CanvasPage() {
  const { t } = useTranslation('apps');
  const { appId = '' } = useParams();
  const version = testedVersion(useSearchParams()[0]);
  const detail = useAppDetail(appId);
  const launch = useLaunchApp(appId, version);
  const name = detail.data?.name ?? '';
  return (
    <div className="kj-page" style={{ maxWidth: 1200 }}>
      <Space wrap size={12} style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Link to={`/app-center/${appId}`}>
          <ArrowLeftOutlined aria-hidden /> {t('canvas.back')}
        </Link>
        <Space size={8}>
          {detail.data && <AppIcon iconUrl={detail.data.iconUrl} size={28} />}
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
            {name || t('canvas.loading')}
          </Typography.Title>
        </Space>
        <Link to="/app-center">{t('center.title')}</Link>
      </Space>
      <QueryState query={launch}>
        {(launched) => (
          <iframe
            className="kj-canvas-frame"
            title={t('canvas.frameTitle', { name })}
            src={launchUrl(launched.canvasUrl, launched.launchToken)}
            sandbox={SANDBOX}
            referrerPolicy="no-referrer"
          />
        )}
      </QueryState>
    </div>
  );
}
