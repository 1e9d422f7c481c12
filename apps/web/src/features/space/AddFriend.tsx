import { UserAddOutlined } from '@ant-design/icons';
import { problemMessage } from '@kongjian/client';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Person, useSendFriendRequest } from './queries';

/** "Add friend" on someone's space, with a short note; or where the request stands. */
export function AddFriend({ person }: { person: Person }) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const send = useSendFriendRequest(person.username);

  if (person.relationship === 'requestSent') return <Button disabled>{t('friend.sent')}</Button>;
  if (person.relationship === 'requestReceived') {
    return <Button onClick={() => void navigate('/friends')}>{t('friend.answer')}</Button>;
  }
  if (person.relationship !== 'none') return null;
  return (
    <>
      <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('friend.add')}
      </Button>
      <Modal
        title={t('friend.title', { name: person.nickname })}
        open={open}
        okText={t('friend.send')}
        cancelText={t('common:cancel')}
        confirmLoading={send.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ note }) =>
            send.mutate(
              { userId: person.id, note: note?.trim() || undefined },
              {
                onSuccess: () => {
                  setOpen(false);
                  form.resetFields();
                  void message.success(t('friend.sentToast'));
                },
              },
            )
          }
        >
          <Form.Item name="note" label={t('friend.note')}>
            <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} />
          </Form.Item>
          {send.isError && <Alert type="error" showIcon title={problemMessage(send.error, t)} />}
        </Form>
      </Modal>
    </>
  );
}
