import { ProblemAlert, useSignIn } from '@kongjian/client';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

/** Pages outside this app (OAuth consent, order confirmation, plugin canvases, the console): left by a full load. */
const HOST_PAGES = /^\/(oauth|orders|apps|console)(\/|$)/;

/** Where to go after signing in: only a path on this site, never another origin (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The sign-in and the sign-up form: same fields, the host's two operations. */
export function CredentialsForm({ mode }: { mode: 'login' | 'register' }) {
  const { t } = useTranslation('accounts');
  const signIn = useSignIn(mode);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const register = mode === 'register';

  const submit = (values: { username: string; password: string }) =>
    signIn.mutate(values, {
      onSuccess: () => {
        if (HOST_PAGES.test(next)) window.location.assign(next);
        else void navigate(next, { replace: true });
      },
    });

  return (
    <div className="kj-narrow" style={{ maxWidth: 420, paddingTop: 48 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {register ? t('signUpTitle') : t('signInTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('tagline')}</Typography.Paragraph>
        {signIn.isError && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={signIn.error} />
          </div>
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={signIn.isPending}>
          <Form.Item
            label={t('username')}
            name="username"
            extra={register ? t('usernameRule') : undefined}
            rules={[
              { required: true, message: t('usernameRequired') },
              ...(register ? [{ pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('usernameRule') }] : []),
            ]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('password')}
            name="password"
            extra={register ? t('passwordRule') : undefined}
            rules={[
              { required: true, message: t('passwordRequired') },
              ...(register ? [{ min: 8, message: t('passwordRule') }] : []),
            ]}
          >
            <Input.Password autoComplete={register ? 'new-password' : 'current-password'} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {register ? t('signUp') : t('signIn')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {register ? t('haveAccount') : t('noAccount')}{' '}
          <Link to={`${register ? '/login' : '/signup'}?next=${encodeURIComponent(next)}`}>
            {register ? t('goSignIn') : t('goSignUp')}
          </Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
