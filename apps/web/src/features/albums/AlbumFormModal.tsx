import { problemMessage } from '@kongjian/client';
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import { type Album, type AlbumEdit, useCreateAlbum, useUpdateAlbum } from './queries';

interface Values {
  title: string;
  description: string;
  audience: Audience;
}

/** New album, or the owner's edit of one: title, description and who may see it. */
export function AlbumFormModal({
  userId,
  album,
  open,
  onClose,
  onSaved,
}: {
  userId: string;
  album?: Album;
  open: boolean;
  onClose: () => void;
  onSaved?: (album: Album) => void;
}) {
  const { t } = useTranslation('albums');
  const [form] = Form.useForm<Values>();
  const create = useCreateAlbum(userId);
  const update = useUpdateAlbum(userId);
  const saving = album ? update : create;

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        title: album?.title ?? '',
        description: album?.description ?? '',
        audience: album
          ? { privacy: album.privacy, groupIds: album.groupIds }
          : { privacy: 'friends', groupIds: undefined },
      });
    }
  }, [open, album, form]);

  const submit = ({ title, description, audience }: Values) => {
    const edit: AlbumEdit = {
      title: title.trim(),
      description: description.trim(),
      privacy: audience.privacy,
      ...(audience.privacy === 'groups' ? { groupIds: audience.groupIds ?? [] } : {}),
    };
    const done = {
      onSuccess: (saved: Album) => {
        onSaved?.(saved);
        onClose();
      },
    };
    if (album) update.mutate({ albumId: album.id, edit }, done);
    else create.mutate(edit, done);
  };

  return (
    <Modal
      title={album ? t('form.editTitle') : t('form.createTitle')}
      open={open}
      okText={album ? t('common:save') : t('form.create')}
      cancelText={t('common:cancel')}
      confirmLoading={saving.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="title"
          label={t('form.title')}
          rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('form.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="audience" label={t('form.privacy')} htmlFor="album-privacy">
          <AudienceField />
        </Form.Item>
        {saving.isError && <Alert type="error" showIcon title={problemMessage(saving.error, t)} />}
      </Form>
    </Modal>
  );
}

/** PrivacyPicker as a Form field (Form passes value/onChange). */
function AudienceField({ value, onChange }: { value?: Audience; onChange?: (audience: Audience) => void }) {
  return (
    <PrivacyPicker
      id="album-privacy"
      value={value ?? { privacy: 'friends' }}
      onChange={(audience) => onChange?.(audience)}
    />
  );
}
