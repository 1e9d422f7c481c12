import { Image } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from './queries';
import './posts.css';

/** A mood's photos (up to 9) as thumbnails; a click opens the web-size copies in a viewer. */
export function PhotoGrid({ photos }: { photos: Post['photos'] }) {
  const { t } = useTranslation('posts');
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState(0);
  if (photos.length === 0) return null;
  return (
    <>
      <ul className={`kj-photo-grid kj-photo-grid-${Math.min(photos.length, 3)}`} aria-label={t('photos')}>
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <button
              type="button"
              className="kj-photo-button"
              aria-label={t('openPhoto', { number: index + 1 })}
              onClick={() => {
                setCurrent(index);
                setOpen(true);
              }}
            >
              <img src={photo.thumbUrl} alt={t('photoAlt', { number: index + 1 })} loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <Image.PreviewGroup
          items={photos.map((photo, index) => ({
            src: photo.webUrl,
            alt: t('photoAlt', { number: index + 1 }),
          }))}
          preview={{
            open,
            current,
            onOpenChange: (value) => setOpen(value),
            onChange: (index) => setCurrent(index),
          }}
        />
      )}
    </>
  );
}
