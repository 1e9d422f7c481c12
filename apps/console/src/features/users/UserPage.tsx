import { ProblemAlert, QueryState, useAccount } from '@kongjian/client';
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ReasonDialog } from '../../app/ReasonDialog';
import { type AdminUser, GRANTABLE_ROLES, type Role, useAdminUser, useUserActions } from './queries';
import { RoleTags } from './RoleTags';

/** Which roles the person has: ticked and saved together (the host keeps `user` for everyone). */
function RolesCard({ user }: { user: AdminUser }) {
  const { t } = useTranslation('users');
  const { message } = AntApp.useApp();
  const { setRoles } = useUserActions(user.id);
  const [roles, setChosen] = useState<Role[]>(user.roles.filter((role) => role !== 'user'));
  const changed =
    [...roles].sort().join() !==
    user.roles
      .filter((role) => role !== 'user')
      .sort()
      .join();
  return (
    <Card title={<h2 className="kj-card-title">{t('roles.title')}</h2>}>
      <Typography.Paragraph className="kj-help">{t('roles.help')}</Typography.Paragraph>
      <div role="group" aria-label={t('roles.title')} className="kj-roles">
        <Checkbox checked disabled>
          {t('role.user')}
        </Checkbox>
        {GRANTABLE_ROLES.map((role) => (
          <Checkbox
            key={role}
            checked={roles.includes(role)}
            onChange={(event) =>
              setChosen(event.target.checked ? [...roles, role] : roles.filter((other) => other !== role))
            }
          >
            {t(`role.${role}`)}
          </Checkbox>
        ))}
      </div>
      <Button
        type="primary"
        disabled={!changed}
        loading={setRoles.isPending}
        style={{ marginTop: 12 }}
        onClick={() =>
          setRoles.mutate(['user', ...roles], { onSuccess: () => void message.success(t('roles.saved')) })
        }
      >
        {t('roles.save')}
      </Button>
      {setRoles.isError && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={setRoles.error} />
        </div>
      )}
    </Card>
  );
}

/** Suspended or not: when, by whom and why; and the way to suspend or lift it, with a reason. */
function SuspensionCard({ user, self }: { user: AdminUser; self: boolean }) {
  const { t, i18n } = useTranslation('users');
  const { message } = AntApp.useApp();
  const { suspend, unsuspend } = useUserActions(user.id);
  const [open, setOpen] = useState(false);
  const suspension = user.suspension;
  const mutation = suspension ? unsuspend : suspend;
  return (
    <Card title={<h2 className="kj-card-title">{t('suspension.title')}</h2>}>
      {suspension ? (
        <Alert
          type="error"
          showIcon
          title={t('suspension.since', {
            when: new Date(suspension.suspendedAt).toLocaleString(i18n.language),
            who: suspension.suspendedBy?.username ?? t('suspension.someone'),
          })}
          description={t('suspension.reason', { reason: suspension.reason })}
        />
      ) : (
        <Typography.Paragraph>{t('suspension.none')}</Typography.Paragraph>
      )}
      <Typography.Paragraph className="kj-help" style={{ marginTop: 12 }}>
        {t(suspension ? 'suspension.unsuspendHelp' : 'suspension.suspendHelp')}
      </Typography.Paragraph>
      {self ? (
        <Typography.Text type="secondary">{t('suspension.self')}</Typography.Text>
      ) : (
        <Button danger={!suspension} onClick={() => setOpen(true)}>
          {t(suspension ? 'suspension.unsuspend' : 'suspension.suspend')}
        </Button>
      )}
      {open && (
        <ReasonDialog
          title={t(suspension ? 'suspension.unsuspendTitle' : 'suspension.suspendTitle', {
            name: user.username,
          })}
          ok={t(suspension ? 'suspension.unsuspend' : 'suspension.suspend')}
          required={!suspension}
          label={t(suspension ? 'suspension.noteLabel' : 'suspension.reasonLabel')}
          pending={mutation.isPending}
          error={mutation.error}
          onDecide={(reason) =>
            mutation.mutate(reason, {
              onSuccess: () => {
                void message.success(t(suspension ? 'suspension.unsuspended' : 'suspension.suspended'));
                setOpen(false);
              },
            })
          }
          onClose={() => {
            mutation.reset();
            setOpen(false);
          }}
        />
      )}
    </Card>
  );
}

function UserView({ user }: { user: AdminUser }) {
  const { t, i18n } = useTranslation('users');
  const me = useAccount();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/users">{t('back')}</Link>
      <div>
        <Typography.Title level={1} className="kj-long-text" style={{ marginBottom: 4 }}>
          {user.nickname}
        </Typography.Title>
        <RoleTags user={user} />
      </div>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'username', label: t('column.username'), children: user.username },
          { key: 'nickname', label: t('column.nickname'), children: user.nickname },
          {
            key: 'joined',
            label: t('column.joined'),
            children: new Date(user.createdAt).toLocaleString(i18n.language),
          },
        ]}
      />
      <RolesCard key={user.roles.join()} user={user} />
      <SuspensionCard user={user} self={me.data?.id === user.id} />
      <Link to={`/audit?subjectType=user&subjectId=${user.id}`}>{t('history')}</Link>
    </Space>
  );
}

/** One person, as an admin sees them: roles to set, and suspending or lifting a suspension. */
export default function UserPage() {
  const { userId = '' } = useParams();
  const user = useAdminUser(userId);
  return <QueryState query={user}>{(data) => <UserView user={data} />}</QueryState>;
}
