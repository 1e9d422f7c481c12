import { Image } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from './queries';

/** The web-size copies of a mood's photos in antd's viewer (zoom, rotate, previous/next). */
export default function PhotoPreview({
  photos,
  current,
  onMove,
  onClose,
}: {
  photos: Post['photos'];
  current: number;
  onMove: (index: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('posts');
  return (
    <Image.PreviewGroup
      items={photos.map((photo, index) => ({ src: photo.webUrl, alt: t('photoAlt', { number: index + 1 }) }))}
      preview={{
        open: true,
        current,
        onOpenChange: (open) => {
          if (!open) onClose();
        },
        onChange: onMove,
      }}
    />
  );
}
