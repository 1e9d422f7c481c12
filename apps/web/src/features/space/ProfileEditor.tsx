import { problemMessage } from '@kongjian/client';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProfileEdit, type Space, useUpdateProfile } from './queries';

interface Values {
  nickname: string;
  signature: string;
  avatarUrl: string;
  gender: NonNullable<ProfileEdit['gender']>;
  birthday: string;
  location: string;
}

/** The owner edits their profile: nickname, signature, head portrait, gender, birthday, location. */
export function ProfileEditor({
  space,
  open,
  onClose,
}: {
  space: Space;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('space');
  const [form] = Form.useForm<Values>();
  const update = useUpdateProfile(space.id);

  useEffect(() => {
    if (open) {
      const { profile } = space;
      form.setFieldsValue({
        nickname: profile.nickname,
        signature: profile.signature ?? '',
        avatarUrl: profile.avatarUrl ?? '',
        gender: profile.gender,
        birthday: profile.birthday ?? '',
        location: profile.location ?? '',
      });
    }
    // Only when the dialog opens: a refetch must not overwrite what the person is typing.
  }, [open]);

  const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());
  const submit = (values: Values) =>
    update.mutate(
      {
        nickname: values.nickname.trim(),
        signature: blankToNull(values.signature),
        avatarUrl: blankToNull(values.avatarUrl),
        gender: values.gender,
        birthday: blankToNull(values.birthday),
        location: blankToNull(values.location),
      },
      { onSuccess: onClose },
    );

  return (
    <Modal
      title={t('profile.editTitle')}
      open={open}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="nickname"
          label={t('profile.nickname')}
          rules={[{ required: true, whitespace: true, message: t('profile.nicknameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="signature" label={t('profile.signature')}>
          <Input maxLength={120} showCount />
        </Form.Item>
        <Form.Item
          name="avatarUrl"
          label={t('profile.avatarUrl')}
          extra={t('profile.avatarHint')}
          rules={[{ type: 'url', message: t('profile.avatarInvalid') }]}
        >
          <Input inputMode="url" placeholder="https://" />
        </Form.Item>
        <Form.Item name="gender" label={t('profile.gender')}>
          <Select
            options={(['unspecified', 'male', 'female', 'other'] as const).map((gender) => ({
              value: gender,
              label: t(`profile.genders.${gender}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="birthday" label={t('profile.birthday')}>
          <Input type="date" max={new Date().toISOString().slice(0, 10)} min="1900-01-01" />
        </Form.Item>
        <Form.Item name="location" label={t('profile.location')}>
          <Input maxLength={80} />
        </Form.Item>
        {update.isError && <Alert type="error" showIcon title={problemMessage(update.error, t)} />}
      </Form>
    </Modal>
  );
}
