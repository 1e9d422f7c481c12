import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { problemMessage, QueryState, useAccount } from '@kongjian/client';
import { App, Button, Card, ConfigProvider, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ModerationTag } from '../../components/ModerationTag';
import { AlbumFormModal } from './AlbumFormModal';
import { PhotoLightbox } from './PhotoLightbox';
import { PhotoUploader } from './PhotoUploader';
import { type Album, useAlbum, useAlbumPhotos, useDeleteAlbum } from './queries';
import { StorageMeter } from './StorageMeter';
import './albums.css';

export default function AlbumPage() {
  const { albumId = '', username = '' } = useParams();
  const album = useAlbum(albumId);
  return (
    // antd's default red is under 4.5:1 on white; delete buttons here use a darker one.
    <ConfigProvider theme={{ token: { colorError: '#c62828' } }}>
      <div className="kj-page">
        <QueryState query={album}>{(data) => <AlbumView album={data} username={username} />}</QueryState>
      </div>
    </ConfigProvider>
  );
}

function AlbumView({ album, username }: { album: Album; username: string }) {
  const { t } = useTranslation('albums');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const account = useAccount();
  const isOwner = account.data?.id === album.owner.id;
  const photos = useAlbumPhotos(album.id);
  const remove = useDeleteAlbum(album.owner.id);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const spacePath = `/u/${encodeURIComponent(album.owner.username || username)}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={spacePath}>
        <Space size={6}>
          <ArrowLeftOutlined />
          {t('backToSpace', { name: album.owner.nickname })}
        </Space>
      </Link>
      <Card>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {album.title}
            </Typography.Title>
            {isOwner && (
              <Space wrap>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('deleteConfirm', { title: album.title })}
                  okText={t('common:delete')}
                  cancelText={t('common:cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(album.id, {
                      onSuccess: () => {
                        void message.success(t('deleted'));
                        void navigate(spacePath);
                      },
                      onError: (error) => void message.error(problemMessage(error, t)),
                    })
                  }
                >
                  <Button danger icon={<DeleteOutlined aria-hidden />}>
                    {t('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            )}
          </Space>
          <Space wrap size={8}>
            <Typography.Text type="secondary">{t('photoCount', { count: album.photoCount })}</Typography.Text>
            {isOwner && <Tag>{t(`common:privacy.${album.privacy}`)}</Tag>}
            <ModerationTag moderation={album.moderation} />
          </Space>
          {album.description && <Typography.Paragraph>{album.description}</Typography.Paragraph>}
          {isOwner && (
            <div className="kj-albums-toolbar">
              <PhotoUploader albumId={album.id} userId={album.owner.id} />
              <StorageMeter />
            </div>
          )}
        </Space>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('photos')}</h2>}>
        <QueryState query={photos}>
          {(data) => {
            const items = data.pages.flatMap((page) => page.items);
            if (items.length === 0) return <Empty description={isOwner ? t('emptyOwner') : t('empty')} />;
            const index = items.findIndex((photo) => photo.id === open);
            return (
              <>
                <ul className="kj-photo-grid" aria-label={t('photos')}>
                  {items.map((photo, position) => {
                    const name = photo.title || t('photo.untitled', { number: position + 1 });
                    return (
                      <li key={photo.id}>
                        <button
                          type="button"
                          className="kj-photo-tile"
                          onClick={() => setOpen(photo.id)}
                          aria-label={t('photo.open', { name })}
                        >
                          <img src={photo.thumbUrl} alt={name} loading="lazy" />
                        </button>
                      </li>
                    );
                  })}
                </ul>
                {photos.hasNextPage && (
                  <Button
                    block
                    style={{ marginTop: 12 }}
                    loading={photos.isFetchingNextPage}
                    onClick={() => void photos.fetchNextPage()}
                  >
                    {t('common:loadMore')}
                  </Button>
                )}
                {index >= 0 && (
                  <PhotoLightbox
                    photo={items[index]!}
                    index={index}
                    total={items.length}
                    isOwner={isOwner}
                    onMove={(step) => setOpen(items[index + step]?.id ?? open)}
                    onClose={() => setOpen(null)}
                  />
                )}
              </>
            );
          }}
        </QueryState>
      </Card>
      {isOwner && (
        <AlbumFormModal
          userId={album.owner.id}
          album={album}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => void message.success(t('common:saved'))}
        />
      )}
    </Space>
  );
}
