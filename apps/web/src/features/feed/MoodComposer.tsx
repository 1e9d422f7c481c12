import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  CloseOutlined,
  PictureOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { ProblemAlert, problemMessage } from '@kongjian/client';
import { App, Button, Input, Progress, Space, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import { useCreateMood } from '../posts/queries';
import { useAudience } from './audience';
import { type UploadedPhoto, uploadMoodPhoto } from './upload';
import './feed.css';

/** Limits the host enforces on a mood; the composer stops at them so nobody types or uploads in vain. */
export const MOOD_MAX_LENGTH = 2000;
export const MOOD_MAX_PHOTOS = 9;

interface PendingPhoto {
  key: string;
  name: string;
  preview: string;
  progress: number;
  photo?: UploadedPhoto;
  error?: unknown;
  file: File;
}

/** A mood (说说): text, up to nine photos uploaded with progress and put in order, and who may see it. */
export function MoodComposer() {
  const { t } = useTranslation('feed');
  const { message } = App.useApp();
  const textId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  const [chosen, setChosen] = useState<Audience | null>(null);
  const audience = useAudience(chosen);
  const create = useCreateMood();

  // Local previews are object URLs: free them when they leave the composer.
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const update = (key: string, change: Partial<PendingPhoto>) =>
    setPhotos((current) => current.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));

  const upload = (pending: PendingPhoto) => {
    update(pending.key, { error: undefined, progress: 0 });
    uploadMoodPhoto(pending.file, (progress) => update(pending.key, { progress })).then(
      (photo) => update(pending.key, { photo, progress: 100 }),
      (error: unknown) => update(pending.key, { error }),
    );
  };

  const pick = (files: FileList | null) => {
    const room = MOOD_MAX_PHOTOS - photos.length;
    const chosenFiles = Array.from(files ?? []);
    if (chosenFiles.length > room) void message.warning(t('tooManyPhotos', { max: MOOD_MAX_PHOTOS }));
    const added = chosenFiles.slice(0, Math.max(0, room)).map((file): PendingPhoto => {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      return { key: `${Date.now()}-${Math.random()}`, name: file.name, preview, progress: 0, file };
    });
    setPhotos((current) => [...current, ...added]);
    added.forEach(upload);
    if (fileInput.current) fileInput.current.value = '';
  };

  const move = (index: number, by: -1 | 1) =>
    setPhotos((current) => {
      const next = [...current];
      const [photo] = next.splice(index, 1);
      next.splice(index + by, 0, photo!);
      return next;
    });

  const remove = (key: string) => setPhotos((current) => current.filter((photo) => photo.key !== key));

  const uploading = photos.some((photo) => !photo.photo && !photo.error);
  const failed = photos.some((photo) => photo.error);
  const ready = text.trim().length > 0 && !uploading && !failed;

  const publish = () =>
    create.mutate(
      { text: text.trim(), photoIds: photos.map((photo) => photo.photo!.id), audience },
      {
        onSuccess: () => {
          setText('');
          setPhotos([]);
          void message.success(t('posted'));
        },
      },
    );

  return (
    <div>
      <label htmlFor={textId} className="kj-visually-hidden">
        {t('moodLabel')}
      </label>
      <Input.TextArea
        id={textId}
        value={text}
        placeholder={t('moodPlaceholder')}
        maxLength={MOOD_MAX_LENGTH}
        showCount
        autoSize={{ minRows: 3, maxRows: 10 }}
        onChange={(event) => setText(event.target.value)}
      />
      {photos.length > 0 && (
        <ul className="kj-composer-photos" aria-label={t('chosenPhotos')}>
          {photos.map((photo, index) => (
            <li key={photo.key} className="kj-composer-photo">
              {/* The progress bar lies over the preview: the tools below stay put when an upload ends,
                  so a click on an arrow at that moment is not lost to a jump. */}
              <div className="kj-composer-photo-preview">
                <img src={photo.preview} alt={t('photoNumber', { number: index + 1 })} />
                {!photo.photo && !photo.error && (
                  <Progress
                    percent={photo.progress}
                    size="small"
                    aria-label={t('uploading', { number: index + 1 })}
                  />
                )}
              </div>
              {photo.error ? (
                <div className="kj-composer-photo-error" role="alert">
                  <Typography.Text type="danger">{problemMessage(photo.error, t)}</Typography.Text>
                  <Button size="small" onClick={() => upload(photo)}>
                    {t('common:retry')}
                  </Button>
                </div>
              ) : null}
              <Space size={0} className="kj-composer-photo-tools">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowLeftOutlined aria-hidden />}
                  disabled={index === 0}
                  aria-label={t('moveLeft', { number: index + 1 })}
                  onClick={() => move(index, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowRightOutlined aria-hidden />}
                  disabled={index === photos.length - 1}
                  aria-label={t('moveRight', { number: index + 1 })}
                  onClick={() => move(index, 1)}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<CloseOutlined aria-hidden />}
                  aria-label={t('removePhoto', { number: index + 1 })}
                  onClick={() => remove(photo.key)}
                />
              </Space>
            </li>
          ))}
        </ul>
      )}
      <div className="kj-composer-bar kj-composer-bar-counted">
        <Space wrap>
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            multiple
            hidden
            data-testid="mood-photos"
            onChange={(event) => pick(event.target.files)}
          />
          <Button
            icon={<PictureOutlined aria-hidden />}
            disabled={photos.length >= MOOD_MAX_PHOTOS}
            onClick={() => fileInput.current?.click()}
          >
            {t('addPhotos', { count: photos.length, max: MOOD_MAX_PHOTOS })}
          </Button>
          <PrivacyPicker value={audience} onChange={setChosen} />
        </Space>
        {/* With an icon, antd swaps it for the spinner; without one, a spinner animated in and out can stay
            behind when the host answers within a frame or two (seen on localhost). */}
        <Button
          type="primary"
          icon={<SendOutlined aria-hidden />}
          disabled={!ready}
          loading={create.isPending}
          onClick={publish}
        >
          {t('publish')}
        </Button>
      </div>
      {create.isError && (
        <div style={{ marginTop: 8 }}>
          <ProblemAlert error={create.error} />
        </div>
      )}
    </div>
  );
}
