import { ProblemAlert, QueryState } from '@kongjian/client';
import { Alert, App as AntApp, Button, Card, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fromManifest,
  invalidFields,
  ManifestFields,
  type ManifestValues,
  manifestChanges,
  toManifest,
} from './manifest';
import { type App, type AppVersion, useVersionActions, useVersions } from './queries';
import { StatusTag } from './StatusTag';

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

function VersionCard({ app, version, published }: { app: App; version: AppVersion; published?: AppVersion }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const { submit, publish } = useVersionActions(app.id);
  const [editing, setEditing] = useState(false);
  // Changes matter while a version is on its way; a decided one is history.
  const pending = ['draft', 'submitted', 'approved'].includes(version.status);
  const changes = pending ? manifestChanges(version.manifest, published?.manifest) : [];
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
        />
      )}
      {version.status === 'approved' && <Alert type="success" showIcon title={t('versions.approvedHelp')} />}
      {changes.length > 0 && (
        <>
          <Typography.Text strong>{t('versions.changes')}</Typography.Text>
          <ul className="kj-changes">
            {changes.map((change, index) => (
              <li key={index}>{t(change.key, change.values)}</li>
            ))}
          </ul>
        </>
      )}
      <Space wrap>
        {version.status === 'draft' && (
          <>
            <Button onClick={() => setEditing(true)}>{t('versions.edit')}</Button>
            <Button
              type="primary"
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(version.number, {
                  onSuccess: () => void message.success(t('versions.submitted')),
                })
              }
            >
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
      {submit.isError && <ProblemAlert error={submit.error} />}
      {publish.isError && <ProblemAlert error={publish.error} />}
      {editing && <VersionEditor app={app} version={version} onClose={() => setEditing(false)} />}
    </Card>
  );
}

/**
 * The app's versions, newest first: a draft is edited and submitted for review, a rejected one says why,
 * an approved one is published by the developer. Each shows what it changes against the published one.
 */
export function VersionsPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const versions = useVersions(app.id);
  const [starting, setStarting] = useState(false);
  return (
    <QueryState query={versions}>
      {(data) => {
        const newestFirst = [...data.items].sort((a, b) => b.number - a.number);
        const published = newestFirst.find((version) => version.status === 'published');
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
              <VersionCard key={version.number} app={app} version={version} published={published} />
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
