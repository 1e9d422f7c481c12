import { QueryState, useScopeWords } from '@kongjian/client';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ReasonDialog } from '../../app/ReasonDialog';
import type { AppVersion } from '../developer/queries';
import { StatusTag } from '../developer/StatusTag';
import { VersionDiffList } from '../developer/VersionDiff';
import { type AdminApp, useAdminApp, useReviewActions, useReviewDiff } from './queries';

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

function ManifestView({ manifest }: { manifest: AppVersion['manifest'] }) {
  const { t } = useTranslation('review');
  const words = useScopeWords();
  const list = (items: string[]) => (items.length ? items.join('\n') : '—');
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        {
          key: 'scopes',
          label: t('manifest.scopes'),
          children:
            manifest.scopes
              .filter((scope) => !manifest.optionalScopes.includes(scope))
              .map(words)
              .join('；') || '—',
        },
        {
          key: 'optional',
          label: t('manifest.optionalScopes'),
          children: manifest.optionalScopes.map(words).join('；') || '—',
        },
        {
          key: 'redirect',
          label: t('manifest.redirectUris'),
          children: <pre>{list(manifest.redirectUris)}</pre>,
        },
        {
          key: 'canvas',
          label: t('manifest.canvasUrl'),
          children: manifest.canvasUrl ? (
            <a href={manifest.canvasUrl} target="_blank" rel="noreferrer">
              {manifest.canvasUrl}
            </a>
          ) : (
            '—'
          ),
        },
        { key: 'webhook', label: t('manifest.webhookUrl'), children: manifest.webhookUrl ?? '—' },
        { key: 'events', label: t('manifest.events'), children: manifest.events.join(', ') || '—' },
      ]}
    />
  );
}

function ReviewChanges({ appId, number }: { appId: string; number: number }) {
  const diff = useReviewDiff(appId, number);
  return <QueryState query={diff}>{(data) => <VersionDiffList diff={data} />}</QueryState>;
}

/**
 * The web app's page of the app, where the reviewer (a tester of every app) installs it and opens this
 * version's canvas: `version` makes the canvas the submitted one, not the one users have.
 */
const tryUrl = (appId: string, number: number) => `/app-center/${appId}?version=${number}`;

function Review({ data }: { data: AdminApp }) {
  const { t, i18n } = useTranslation('review');
  const { t: tDeveloper } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const actions = useReviewActions(data.app.id);
  const [deciding, setDeciding] = useState<{ decision: Decision; number?: number } | null>(null);
  const submitted = data.versions.find((version) => version.status === 'submitted');
  const mutation = deciding ? actions[deciding.decision] : undefined;
  const noteOf = (number: number | null) =>
    data.versions.find((version) => version.number === number)?.submitNote ?? null;

  const decide = (reason: string) => {
    if (!deciding) return;
    const done = {
      onSuccess: () => {
        void message.success(t(`decision.${deciding.decision}.done`));
        setDeciding(null);
      },
    };
    if (deciding.decision === 'approve') actions.approve.mutate({ number: deciding.number!, reason }, done);
    if (deciding.decision === 'reject') actions.reject.mutate({ number: deciding.number!, reason }, done);
    if (deciding.decision === 'suspend') actions.suspend.mutate(reason, done);
    if (deciding.decision === 'reinstate') actions.reinstate.mutate(reason || undefined, done);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/review">{t('app.back')}</Link>
      <Space align="center" wrap>
        <Typography.Title level={1}>{data.app.name}</Typography.Title>
        <StatusTag status={data.app.status} />
      </Space>
      <Descriptions
        column={1}
        bordered
        items={[
          {
            key: 'developer',
            label: t('app.developer'),
            children: `${data.app.developer.nickname} @${data.app.developer.username}`,
          },
          {
            key: 'category',
            label: t('app.category'),
            children: tDeveloper(`category.${data.app.category}`),
          },
          { key: 'description', label: t('app.description'), children: data.app.description || '—' },
        ]}
      />
      {submitted ? (
        <Card title={t('app.submitted', { number: submitted.number })}>
          {submitted.submitNote ? (
            <Alert
              type="info"
              title={t('app.note')}
              description={<span className="kj-note">{submitted.submitNote}</span>}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t('app.noNote')}</Typography.Paragraph>
          )}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('app.changes')}
          </Typography.Title>
          <ReviewChanges appId={data.app.id} number={submitted.number} />
          <ManifestView manifest={submitted.manifest} />
          {submitted.manifest.canvasUrl && (
            <div style={{ marginTop: 16 }}>
              <Button href={tryUrl(data.app.id, submitted.number)} target="_blank" rel="noreferrer">
                {t('app.tryCanvas')}
              </Button>
              <div className="kj-help">{t('app.tryCanvasHelp')}</div>
            </div>
          )}
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              onClick={() => setDeciding({ decision: 'approve', number: submitted.number })}
            >
              {t('decision.approve.ok')}
            </Button>
            <Button danger onClick={() => setDeciding({ decision: 'reject', number: submitted.number })}>
              {t('decision.reject.ok')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Typography.Paragraph>{t('app.nothingSubmitted')}</Typography.Paragraph>
      )}
      <Space wrap>
        {data.app.status === 'suspended' ? (
          <Button onClick={() => setDeciding({ decision: 'reinstate' })}>{t('decision.reinstate.ok')}</Button>
        ) : (
          <Button danger onClick={() => setDeciding({ decision: 'suspend' })}>
            {t('decision.suspend.ok')}
          </Button>
        )}
      </Space>
      <Card title={t('app.history')}>
        <Timeline
          items={[...data.history].reverse().map((change, index) => ({
            key: index,
            children: (
              <>
                {t('app.change', {
                  what: change.versionNumber
                    ? t('app.versionNumber', { number: change.versionNumber })
                    : t('app.theApp'),
                  from: tDeveloper(`status.${change.fromStatus}`),
                  to: tDeveloper(`status.${change.toStatus}`),
                  who: change.actor?.username ?? '—',
                  when: new Date(change.createdAt).toLocaleString(i18n.language),
                })}
                {change.toStatus === 'submitted' && noteOf(change.versionNumber) && (
                  <div className="kj-help">
                    {t('app.noteInHistory', { note: noteOf(change.versionNumber) })}
                  </div>
                )}
                {change.reason && <div className="kj-help">{change.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {deciding && mutation && (
        <ReasonDialog
          title={t(`decision.${deciding.decision}.title`)}
          ok={t(`decision.${deciding.decision}.ok`)}
          required={deciding.decision === 'reject' || deciding.decision === 'suspend'}
          pending={mutation.isPending}
          error={mutation.error}
          onDecide={decide}
          onClose={() => setDeciding(null)}
        />
      )}
    </Space>
  );
}

/** One app under review: the submitted version, what it changes, its manifest, the decisions so far. */
export default function ReviewAppPage() {
  const { appId = '' } = useParams();
  const app = useAdminApp(appId);
  return <QueryState query={app}>{(data) => <Review data={data} />}</QueryState>;
}
