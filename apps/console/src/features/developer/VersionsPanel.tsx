import { ProblemAlert, QueryState } from '@kongjian/client';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromManifest, invalidFields, ManifestFields, type ManifestValues, toManifest } from './manifest';
import {
  type App,
  type AppVersion,
  type HistoryEntry,
  useVersionActions,
  useVersionDiff,
  useVersions,
} from './queries';
import { StatusTag } from './StatusTag';
import { VersionDiffList } from './VersionDiff';

/** The host's bound on the note (LIMITS.appSubmitNoteMax). */
const NOTE_MAX = 1000;

/** A version's manifest in a dialog: a draft edited, or a new draft started from the newest version. */
function VersionEditor({
  app,
  version,
  onClose,
}: {
  app: App;
  version: { number: number | null; manifest: AppVersion['manifest'] };
  onClose: () => void;
}) {
  const { t } = useTranslation('developer');
  const { create, update } = useVersionActions(app.id);
  const saving = version.number === null ? create : update;
  const [form] = Form.useForm<ManifestValues>();
  // The promise, not mutate's callbacks: those are skipped when the version list refetched under the dialog.
  const save = async (values: ManifestValues) => {
    const manifest = toManifest(values);
    if (version.number === null) await create.mutateAsync(manifest);
    else await update.mutateAsync({ number: version.number, manifest });
    onClose();
  };
  return (
    <Modal
      open
      width={760}
      title={
        version.number === null ? t('versions.newTitle') : t('versions.editTitle', { number: version.number })
      }
      okText={t('versions.save')}
      cancelText={t('common:cancel')}
      confirmLoading={saving.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={fromManifest(version.manifest)}
        // A refusal is shown from the mutation's state below.
        onFinish={(values) => save(values).catch(() => undefined)}
      >
        <ManifestFields invalid={invalidFields(saving.error)} />
      </Form>
      {saving.isError && <ProblemAlert error={saving.error} />}
    </Modal>
  );
}

/** Submitting for review, with what the reviewer should know (optional). */
function SubmitDialog({ app, version, onClose }: { app: App; version: AppVersion; onClose: () => void }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const { submit } = useVersionActions(app.id);
  const [note, setNote] = useState('');
  const send = async () => {
    await submit.mutateAsync({ number: version.number, note });
    void message.success(t('versions.submitted'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('versions.submitTitle', { number: version.number })}
      okText={t('versions.submit')}
      cancelText={t('common:cancel')}
      confirmLoading={submit.isPending}
      // A refusal is shown from the mutation's state below.
      onOk={() => send().catch(() => undefined)}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('versions.submitHelp')}</Typography.Paragraph>
      <label htmlFor="kj-submit-note" className="kj-field-label">
        {t('versions.note')}
      </label>
      <Input.TextArea
        id="kj-submit-note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={NOTE_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t('versions.notePlaceholder')}
        // The character count sits below the box; keep it clear of the dialog's buttons.
        style={{ marginBottom: 24 }}
      />
      {submit.isError && <ProblemAlert error={submit.error} />}
    </Modal>
  );
}

/** What a version on its way changes for users, as the host compares it with the published one. */
function VersionChanges({ appId, number }: { appId: string; number: number }) {
  const { t } = useTranslation('developer');
  const diff = useVersionDiff(appId, number);
  return (
    <QueryState query={diff}>
      {(data) => (
        <>
          <Typography.Text strong>{t('versions.changes')}</Typography.Text>
          <VersionDiffList diff={data} />
        </>
      )}
    </QueryState>
  );
}

/** The version's way through review, oldest first: submitted (with the note), decided (with the reason), published. */
function VersionTimeline({ version, history }: { version: AppVersion; history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation('developer');
  const steps = history.filter((entry) => entry.versionNumber === version.number);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Timeline
      className="kj-version-timeline"
      items={[
        { key: 'created', children: `${t('timeline.created')} · ${when(version.createdAt)}` },
        ...steps.map((step, index) => ({
          key: index,
          color: step.toStatus === 'rejected' ? 'red' : step.toStatus === 'approved' ? 'green' : 'blue',
          children: (
            <>
              {`${t(`timeline.${step.toStatus}`)} · ${when(step.createdAt)}`}
              {step.toStatus === 'submitted' && version.submitNote && (
                <div className="kj-help">{t('timeline.note', { note: version.submitNote })}</div>
              )}
              {step.reason && <div className="kj-help">{t('timeline.reason', { reason: step.reason })}</div>}
            </>
          ),
        })),
      ]}
    />
  );
}

function VersionCard({ app, version, history }: { app: App; version: AppVersion; history: HistoryEntry[] }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const { publish } = useVersionActions(app.id);
  const [editing, setEditing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Changes matter while a version is on its way; a decided one is history.
  const pending = ['draft', 'submitted', 'approved'].includes(version.status);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{t('versions.number', { number: version.number })}</span>
          {version.manifest.versionName && (
            <Typography.Text type="secondary">{version.manifest.versionName}</Typography.Text>
          )}
          <StatusTag status={version.status} />
        </Space>
      }
    >
      {version.status === 'rejected' && version.statusReason && (
        <Alert
          type="error"
          showIcon
          title={t('versions.rejectedBecause', { reason: version.statusReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      {version.status === 'approved' && (
        <Alert type="success" showIcon title={t('versions.approvedHelp')} style={{ marginBottom: 16 }} />
      )}
      {pending && <VersionChanges appId={app.id} number={version.number} />}
      <VersionTimeline version={version} history={history} />
      <Space wrap>
        {version.status === 'draft' && (
          <>
            <Button onClick={() => setEditing(true)}>{t('versions.edit')}</Button>
            <Button type="primary" onClick={() => setSubmitting(true)}>
              {t('versions.submit')}
            </Button>
          </>
        )}
        {version.status === 'published' && <Typography.Paragraph>{t('versions.live')}</Typography.Paragraph>}
        {version.status === 'approved' && (
          <Button
            type="primary"
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(version.number, {
                onSuccess: () => void message.success(t('versions.published')),
              })
            }
          >
            {t('versions.publish')}
          </Button>
        )}
      </Space>
      {publish.isError && <ProblemAlert error={publish.error} />}
      {editing && <VersionEditor app={app} version={version} onClose={() => setEditing(false)} />}
      {submitting && <SubmitDialog app={app} version={version} onClose={() => setSubmitting(false)} />}
    </Card>
  );
}

/**
 * The app's versions, newest first: a draft is edited and submitted for review with a note, a rejected one
 * says why, an approved one is published by the developer. Each shows its way through review, and one on
 * its way what it changes against the published one.
 */
export function VersionsPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const versions = useVersions(app.id);
  const [starting, setStarting] = useState(false);
  return (
    <QueryState query={versions}>
      {(data) => {
        const newestFirst = [...data.items].sort((a, b) => b.number - a.number);
        // One version in the works at a time: a new draft only once the last one was decided.
        const inTheWorks = newestFirst.some((version) =>
          ['draft', 'submitted', 'approved'].includes(version.status),
        );
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {!inTheWorks && newestFirst[0] && (
              <Button type="primary" onClick={() => setStarting(true)}>
                {t('versions.new')}
              </Button>
            )}
            {newestFirst.map((version) => (
              <VersionCard key={version.number} app={app} version={version} history={data.history} />
            ))}
            {starting && newestFirst[0] && (
              <VersionEditor
                app={app}
                version={{ number: null, manifest: newestFirst[0].manifest }}
                onClose={() => setStarting(false)}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
