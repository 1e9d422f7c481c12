import { UploadOutlined } from '@ant-design/icons';
import { problemMessage } from '@kongjian/client';
import { Button, Progress, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadPhoto, useRefreshAfterUpload } from './queries';

interface Upload {
  key: string;
  name: string;
  percent: number;
  state: 'uploading' | 'done' | 'failed';
  error?: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** Several photos at once, each with its own progress bar and, if it fails, the reason in words. */
export function PhotoUploader({ albumId, userId }: { albumId: string; userId: string }) {
  const { t } = useTranslation('albums');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const refresh = useRefreshAfterUpload(albumId, userId);

  const change = (key: string, next: Partial<Upload>) =>
    setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...next } : upload)));

  const start = async (files: File[]) => {
    const batch = files.map((file, index) => ({
      file,
      upload: {
        key: `${Date.now()}-${index}-${file.name}`,
        name: file.name,
        percent: 0,
        state: 'uploading' as const,
      },
    }));
    setUploads((list) => [...batch.map((entry) => entry.upload), ...list.filter((u) => u.state !== 'done')]);
    // One at a time: the quota is checked per photo, and a phone's upload link is better used by one file.
    for (const { file, upload } of batch) {
      try {
        await uploadPhoto(albumId, file, (percent) => change(upload.key, { percent }));
        change(upload.key, { percent: 100, state: 'done' });
        refresh();
      } catch (error) {
        change(upload.key, { state: 'failed', error: problemMessage(error, t) });
      }
    }
  };

  const busy = uploads.some((upload) => upload.state === 'uploading');
  return (
    <div>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={ACCEPT}
        multiple
        className="kj-visually-hidden"
        aria-label={t('upload.choose')}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void start(files);
        }}
      />
      <Button
        type="primary"
        icon={<UploadOutlined aria-hidden />}
        loading={busy}
        onClick={() => input.current?.click()}
      >
        {t('upload.action')}
      </Button>
      {uploads.length > 0 && (
        <ul className="kj-upload-list" aria-label={t('upload.progress')}>
          {uploads.map((upload) => (
            <li key={upload.key}>
              <span className="kj-upload-name">{upload.name}</span>
              <Progress
                percent={upload.percent}
                size="small"
                status={
                  upload.state === 'failed' ? 'exception' : upload.state === 'done' ? 'success' : 'active'
                }
                aria-label={t('upload.progressOf', { name: upload.name })}
              />
              {upload.error && (
                <Typography.Text type="danger" role="alert" style={{ gridColumn: '1 / -1' }}>
                  {upload.error}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
