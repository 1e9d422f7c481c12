import {
  CrownFilled,
  EditOutlined,
  EnvironmentOutlined,
  SkinOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { QueryState, useAccount } from '@kongjian/client';
import { Avatar, Button, Card, ConfigProvider, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AlbumsModule } from '../albums/AlbumsModule';
import { PostList } from '../posts/PostList';
import { AddFriend } from './AddFriend';
import { DecorationDrawer } from './DecorationDrawer';
import { FriendsModule } from './FriendsModule';
import { GiftWall } from './GiftWall';
import { MessageBoard } from './MessageBoard';
import { MusicPlayer } from './MusicPlayer';
import { ProfileEditor } from './ProfileEditor';
import { type Person, type Space as SpaceData, type SpaceModule, usePerson, useSpace } from './queries';
import { spaceLook } from './themes';
import { VisitorLog } from './VisitorLog';
import './space.css';

export default function SpacePage() {
  const { username = '' } = useParams();
  const person = usePerson(username);
  const space = useSpace(person.data?.id);
  return (
    <QueryState query={person}>
      {(found) => (
        <QueryState query={space}>{(data) => <SpaceView space={data} person={found} />}</QueryState>
      )}
    </QueryState>
  );
}

function SpaceView({ space, person }: { space: SpaceData; person: Person }) {
  const { t } = useTranslation('space');
  const account = useAccount();
  const isOwner = space.relationship === 'self';
  const signedIn = !!account.data;
  const look = spaceLook(space.decoration.themeId);
  const [editingProfile, setEditingProfile] = useState(false);
  const [decorating, setDecorating] = useState(false);
  const { profile } = space;

  const modules: Record<SpaceModule, ReactNode> = {
    profile: <ProfileModule space={space} />,
    moods: <PostList userId={space.id} kind="mood" />,
    blogs: <PostList userId={space.id} kind="blog" />,
    messageBoard: <MessageBoard space={space} />,
    visitors: <VisitorLog space={space} isOwner={isOwner} />,
    friends: <FriendsModule isOwner={isOwner} />,
  };

  return (
    // The owner's theme really dresses the page: its accent becomes antd's primary colour inside the space.
    <ConfigProvider
      theme={{ token: { colorPrimary: look.accent, colorLink: look.accent, colorError: '#c62828' } }}
    >
      <div className="kj-space" data-theme={space.decoration.themeId} style={{ background: look.page }}>
        <div className="kj-page">
          <header className="kj-space-banner" style={{ background: look.banner }} data-testid="space-banner">
            <div className="kj-space-card">
              <Avatar
                size={72}
                src={profile.avatarUrl ?? undefined}
                icon={<UserOutlined aria-hidden />}
                alt={t('avatarOf', { name: profile.nickname })}
              />
              <div className="kj-space-identity">
                <Space wrap size={8} align="center">
                  <Typography.Title level={1} className="kj-space-name">
                    {t('title', { name: profile.nickname })}
                  </Typography.Title>
                  {space.vip?.active && (
                    <Tag icon={<CrownFilled aria-hidden />} className="kj-vip">
                      {t('vip', { level: space.vip.level })}
                    </Tag>
                  )}
                  <Tag color="blue">{t('level', { level: space.level.level })}</Tag>
                </Space>
                <Typography.Text type="secondary">@{space.username}</Typography.Text>
                {profile.signature && (
                  <Typography.Paragraph className="kj-signature">{profile.signature}</Typography.Paragraph>
                )}
                {space.decoration.musicUrl && (
                  <MusicPlayer url={space.decoration.musicUrl} signedIn={signedIn} />
                )}
              </div>
              <Space wrap className="kj-space-actions">
                {isOwner && (
                  <>
                    <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditingProfile(true)}>
                      {t('profile.edit')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<SkinOutlined aria-hidden />}
                      onClick={() => setDecorating(true)}
                    >
                      {t('decorate.open')}
                    </Button>
                  </>
                )}
                {signedIn && !isOwner && <AddFriend person={person} />}
              </Space>
            </div>
          </header>
          <div className="kj-space-modules">
            {space.decoration.modules.map((module) => (
              <Module key={module} id={module} title={t(`modules.${module}`)}>
                {modules[module]}
              </Module>
            ))}
            {/* Albums and the gift wall are not part of the host's module layout, so they always show. */}
            <Module id="albums" title={t('modules.albums')}>
              <AlbumsModule userId={space.id} username={space.username} isOwner={isOwner} />
            </Module>
            <Module id="gifts" title={t('modules.gifts')}>
              <GiftWall space={space} isOwner={isOwner} />
            </Module>
          </div>
        </div>
        {isOwner && (
          <>
            <ProfileEditor space={space} open={editingProfile} onClose={() => setEditingProfile(false)} />
            <DecorationDrawer space={space} open={decorating} onClose={() => setDecorating(false)} />
          </>
        )}
      </div>
    </ConfigProvider>
  );
}

function Module({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="kj-space-module"
      data-module={id}
      title={
        <h2 id={`module-${id}`} className="kj-module-title">
          {title}
        </h2>
      }
    >
      <section aria-labelledby={`module-${id}`}>{children}</section>
    </Card>
  );
}

function ProfileModule({ space }: { space: SpaceData }) {
  const { t, i18n } = useTranslation('space');
  const { profile } = space;
  const rows: [string, ReactNode][] = [
    [t('profile.gender'), t(`profile.genders.${profile.gender}`)],
    ...(profile.birthday
      ? [
          [
            t('profile.birthday'),
            new Date(`${profile.birthday}T00:00:00`).toLocaleDateString(i18n.language),
          ] as [string, ReactNode],
        ]
      : []),
    ...(profile.location
      ? [
          [
            t('profile.location'),
            <>
              <EnvironmentOutlined aria-hidden /> {profile.location}
            </>,
          ] as [string, ReactNode],
        ]
      : []),
    [
      t('profile.levelPoints'),
      t('profile.levelValue', { level: space.level.level, points: space.level.points }),
    ],
    [t('profile.posts'), space.postCount],
    [t('profile.visits'), space.visitorCount],
  ];
  return (
    <dl className="kj-profile-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
