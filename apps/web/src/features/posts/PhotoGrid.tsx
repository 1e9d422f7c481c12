import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from './queries';
import './posts.css';

// The viewer (antd's Image preview) is only needed once someone opens a photo.
const PhotoPreview = lazy(() => import('./PhotoPreview'));

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
        <Suspense fallback={null}>
          <PhotoPreview
            photos={photos}
            current={current}
            onMove={setCurrent}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
