import { AppstoreOutlined, DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import {
  type Account,
  ProblemAlert,
  problemMessage,
  QueryState,
  useAccount,
  useScopeWords,
} from '@kongjian/client';
import {
  Alert,
  App,
  Avatar,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import {
  type Session,
  useAuthorizedApps,
  useChangePassword,
  useEndSession,
  useRevokeApp,
  useSessions,
  useUpdateDefaultPrivacy,
} from './settingsQueries';
import './settings.css';

const PASSWORD_MIN = 8;

function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A session's browser and system in a few words, from its user agent. */
function deviceOf(userAgent: string | null): { browser?: string; system?: string; phone: boolean } {
  if (!userAgent) return { phone: false };
  const browser = [
    ['Edge', /Edg\//],
    ['Chrome', /Chrome\/|CriOS\//],
    ['Firefox', /Firefox\/|FxiOS\//],
    ['Safari', /Safari\//],
  ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] as string | undefined;
  const system = [
    ['Android', /Android/],
    ['iOS', /iPhone|iPad/],
    ['Windows', /Windows/],
    ['macOS', /Mac OS X/],
    ['Linux', /Linux/],
  ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] as string | undefined;
  return { browser, system, phone: /Mobile|Android|iPhone/.test(userAgent) };
}

function PasswordSection() {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const change = useChangePassword();
  const submit = (values: { currentPassword: string; newPassword: string }) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => form.resetFields() },
    );
  return (
    <Card title={<h2 className="kj-settings-heading">{t('password.title')}</h2>}>
      {change.isError && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={change.error} />
        </div>
      )}
      {change.isSuccess && (
        <Alert
          type="success"
          showIcon
          title={t('password.changed')}
          style={{ marginBottom: 16 }}
          role="status"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        disabled={change.isPending}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: PASSWORD_MIN, message: t('password.rule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function PrivacySection({ account }: { account: Account }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [audience, setAudience] = useState<Audience>({
    privacy: account.defaultPrivacy,
    groupIds: account.defaultPrivacy === 'groups' ? account.defaultGroupIds : undefined,
  });
  const update = useUpdateDefaultPrivacy();
  const save = () =>
    update.mutate(
      {
        defaultPrivacy: audience.privacy,
        ...(audience.privacy === 'groups' ? { defaultGroupIds: audience.groupIds ?? [] } : {}),
      },
      { onSuccess: () => void message.success(t('common:saved')) },
    );
  const needsGroup = audience.privacy === 'groups' && (audience.groupIds?.length ?? 0) === 0;
  return (
    <Card title={<h2 className="kj-settings-heading">{t('privacy.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('privacy.intro')}</Typography.Paragraph>
      {update.isError && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={update.error} />
        </div>
      )}
      <Space wrap align="start">
        <PrivacyPicker id="default-privacy" value={audience} onChange={setAudience} />
        <Button type="primary" onClick={save} loading={update.isPending} disabled={needsGroup}>
          {t('common:save')}
        </Button>
      </Space>
      {needsGroup && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('privacy.pickGroup')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SessionRow({
  session,
  onEnd,
  ending,
}: {
  session: Session;
  onEnd: (id: string) => void;
  ending: boolean;
}) {
  const { t, i18n } = useTranslation('settings');
  const device = deviceOf(session.userAgent);
  const name =
    device.browser && device.system
      ? t('sessions.device', { browser: device.browser, system: device.system })
      : (device.browser ?? device.system ?? t('sessions.unknownDevice'));
  return (
    <List.Item>
      <div className="kj-settings-row">
        <Space align="start">
          <span aria-hidden="true" className="kj-settings-icon">
            {device.phone ? <MobileOutlined /> : <DesktopOutlined />}
          </span>
          <Space orientation="vertical" size={0}>
            <Space size={6} wrap>
              <Typography.Text strong>{name}</Typography.Text>
              {session.current && <Tag color="blue">{t('sessions.current')}</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {t('sessions.lastUsed', { time: formatTime(session.lastUsedAt, i18n.language) })}
              {session.ip ? ` · ${t('sessions.ip', { ip: session.ip })}` : ''}
            </Typography.Text>
          </Space>
        </Space>
        {!session.current && (
          <Button
            size="small"
            loading={ending}
            aria-label={t('sessions.endNamed', { device: name })}
            onClick={() => onEnd(session.id)}
          >
            {t('sessions.end')}
          </Button>
        )}
      </div>
    </List.Item>
  );
}

function SessionsSection() {
  const { t } = useTranslation('settings');
  const sessions = useSessions();
  const { message } = App.useApp();
  // The row leaves the list at once (optimistic), so the section, not the row, says how it went.
  const end = useEndSession();
  const endSession = (id: string) =>
    end.mutate(id, {
      onSuccess: () => void message.success(t('sessions.ended')),
      onError: (error) => void message.error(problemMessage(error, t)),
    });
  return (
    <Card title={<h2 className="kj-settings-heading">{t('sessions.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('sessions.intro')}</Typography.Paragraph>
      <QueryState query={sessions}>
        {(data) => (
          <List
            aria-label={t('sessions.title')}
            dataSource={[...data.items].sort((a, b) => Number(b.current) - Number(a.current))}
            rowKey="id"
            renderItem={(session) => (
              <SessionRow
                session={session}
                onEnd={endSession}
                ending={end.isPending && end.variables === session.id}
              />
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}

function AppsSection() {
  const { t, i18n } = useTranslation('settings');
  const scopeWords = useScopeWords('short');
  const { message } = App.useApp();
  const apps = useAuthorizedApps();
  const revoke = useRevokeApp();
  return (
    <Card title={<h2 className="kj-settings-heading">{t('apps.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('apps.intro')}</Typography.Paragraph>
      <QueryState query={apps}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('apps.empty')} />
          ) : (
            <List
              aria-label={t('apps.title')}
              dataSource={data.items}
              rowKey="appId"
              renderItem={(app) => (
                <List.Item>
                  <div className="kj-settings-row">
                    <Space align="start">
                      <Avatar
                        shape="square"
                        size={40}
                        src={app.iconUrl ?? undefined}
                        icon={<AppstoreOutlined aria-hidden />}
                        alt=""
                      />
                      <Space orientation="vertical" size={2}>
                        <Link to={`/app-center/${app.appId}`}>{app.name}</Link>
                        <Typography.Text type="secondary">
                          {t('apps.by', {
                            developer: app.developerName,
                            time: formatTime(app.authorizedAt, i18n.language),
                          })}
                        </Typography.Text>
                        <Space size={[4, 4]} wrap>
                          {app.scopes.map((scope) => (
                            <Tag key={scope.scope}>{scopeWords(scope.scope)}</Tag>
                          ))}
                        </Space>
                      </Space>
                    </Space>
                    <Popconfirm
                      title={t('apps.revokeConfirm', { name: app.name })}
                      description={t('apps.revokeText')}
                      okText={t('apps.revoke')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common:cancel')}
                      onConfirm={() =>
                        revoke
                          .mutateAsync(app.appId)
                          .catch((error: unknown) => void message.error(problemMessage(error, t)))
                      }
                    >
                      <Button size="small" danger aria-label={t('apps.revokeNamed', { name: app.name })}>
                        {t('apps.revoke')}
                      </Button>
                    </Popconfirm>
                  </div>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

/** Account settings: password, default audience for new posts, signed-in devices and authorized apps. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const account = useAccount().data;
  return (
    <>
      <div className="kj-narrow" style={{ maxWidth: 760 }}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
              {t('title')}
            </Typography.Title>
            {account && (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {t('profileHint')}{' '}
                <Link to={`/u/${encodeURIComponent(account.username)}`}>{t('profileLink')}</Link>
              </Typography.Paragraph>
            )}
          </Card>
          <PasswordSection />
          {account && <PrivacySection key={account.id} account={account} />}
          <SessionsSection />
          <AppsSection />
        </Space>
      </div>
    </>
  );
}
