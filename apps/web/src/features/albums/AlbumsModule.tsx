import { DeleteOutlined, EditOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { problemMessage, QueryState } from '@kongjian/client';
import { App, Button, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ModerationTag } from '../../components/ModerationTag';
import { AlbumFormModal } from './AlbumFormModal';
import { type Album, useDeleteAlbum, useUserAlbums } from './queries';
import { StorageMeter } from './StorageMeter';
import './albums.css';

/** The albums block of a space: covers in a grid; the owner also creates, edits and deletes albums here. */
export function AlbumsModule({
  userId,
  username,
  isOwner,
}: {
  userId: string;
  username: string;
  isOwner: boolean;
}) {
  const { t } = useTranslation('albums');
  const { message } = App.useApp();
  const albums = useUserAlbums(userId);
  const remove = useDeleteAlbum(userId);
  const [editing, setEditing] = useState<Album | 'new' | null>(null);

  return (
    <div>
      {isOwner && (
        <div className="kj-albums-toolbar">
          <StorageMeter />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('create')}
          </Button>
        </div>
      )}
      <QueryState query={albums}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t('none')} />;
          return (
            <>
              <ul className="kj-album-grid">
                {items.map((album) => (
                  <li key={album.id} className="kj-album-card">
                    <Link
                      to={`/u/${encodeURIComponent(username)}/albums/${album.id}`}
                      className="kj-album-cover"
                    >
                      {album.coverUrl ? (
                        <img src={album.coverUrl} alt={t('coverOf', { title: album.title })} loading="lazy" />
                      ) : (
                        <span className="kj-album-empty" aria-hidden>
                          <PictureOutlined />
                        </span>
                      )}
                      <span className="kj-album-title">{album.title}</span>
                    </Link>
                    <Space size={4} wrap className="kj-album-meta">
                      <Typography.Text type="secondary">
                        {t('photoCount', { count: album.photoCount })}
                      </Typography.Text>
                      {isOwner && <Tag>{t(`common:privacy.${album.privacy}`)}</Tag>}
                      <ModerationTag moderation={album.moderation} />
                    </Space>
                    {isOwner && (
                      <Space size={0} className="kj-album-actions">
                        <Button
                          type="text"
                          size="small"
                          icon={<EditOutlined aria-hidden />}
                          aria-label={t('editNamed', { title: album.title })}
                          onClick={() => setEditing(album)}
                        />
                        <Popconfirm
                          title={t('deleteConfirm', { title: album.title })}
                          okText={t('common:delete')}
                          cancelText={t('common:cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutate(album.id, {
                              onSuccess: () => void message.success(t('deleted')),
                              onError: (error) => void message.error(problemMessage(error, t)),
                            })
                          }
                        >
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('deleteNamed', { title: album.title })}
                          />
                        </Popconfirm>
                      </Space>
                    )}
                  </li>
                ))}
              </ul>
              {albums.hasNextPage && (
                <Button block loading={albums.isFetchingNextPage} onClick={() => void albums.fetchNextPage()}>
                  {t('common:loadMore')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
      {isOwner && (
        <AlbumFormModal
          userId={userId}
          album={editing === 'new' || editing === null ? undefined : editing}
          open={editing !== null}
          onClose={() => setEditing(null)}
          onSaved={() => void message.success(t('common:saved'))}
        />
      )}
    </div>
  );
}
