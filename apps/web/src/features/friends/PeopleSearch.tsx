import { problemMessage, QueryState } from '@kongjian/client';
import { App, Button, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import { type Person, useAnswerFriendRequest, usePeopleSearch, useSendFriendRequest } from './queries';
import { BlockButton, LoadMore, useProblemToast } from './shared';

const NOTE_MAX = 200;

/** "Add friend": a short note to go with the request; what was typed stays when sending fails. */
function AddFriendDialog({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation('friends');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const send = useSendFriendRequest();
  const submit = () => {
    if (!person) return;
    const text = note.trim();
    send.mutate(
      { userId: person.id, ...(text ? { note: text } : {}) },
      {
        onSuccess: () => {
          void message.success(t('search.sent', { name: person.nickname }));
          setNote('');
          send.reset();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={person !== null}
      title={person ? t('search.addTitle', { name: person.nickname }) : ''}
      okText={t('search.send')}
      cancelText={t('common:cancel')}
      confirmLoading={send.isPending}
      onOk={submit}
      onCancel={() => {
        send.reset();
        onClose();
      }}
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('search.note')}
          htmlFor="friend-request-note"
          validateStatus={send.isError ? 'error' : undefined}
          help={send.isError ? problemMessage(send.error, t) : undefined}
        >
          <Input.TextArea
            id="friend-request-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('search.notePlaceholder')}
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PersonActions({ person, onAdd }: { person: Person; onAdd: (person: Person) => void }) {
  const { t } = useTranslation('friends');
  const answer = useAnswerFriendRequest();
  const toast = useProblemToast();
  const respond = (kind: 'accept' | 'decline' | 'cancel') =>
    person.friendRequestId &&
    answer.mutate({ requestId: person.friendRequestId, answer: kind }, { onError: toast });
  switch (person.relationship) {
    case 'self':
      return <Tag>{t('search.self')}</Tag>;
    case 'friend':
      return (
        <Space wrap size={4}>
          <Tag color="blue">{t('search.friend')}</Tag>
          <BlockButton userId={person.id} nickname={person.nickname} />
        </Space>
      );
    case 'requestSent':
      return (
        <Space wrap size={4}>
          <Tag>{t('search.requestSent')}</Tag>
          <Button size="small" loading={answer.isPending} onClick={() => respond('cancel')}>
            {t('requests.cancel')}
          </Button>
        </Space>
      );
    case 'requestReceived':
      return (
        <Space wrap size={4}>
          <Button type="primary" size="small" loading={answer.isPending} onClick={() => respond('accept')}>
            {t('requests.accept')}
          </Button>
          <Button size="small" disabled={answer.isPending} onClick={() => respond('decline')}>
            {t('requests.decline')}
          </Button>
        </Space>
      );
    case 'blocking':
      return <Tag color="red">{t('search.blocked')}</Tag>;
    default:
      return (
        <Space wrap size={4}>
          <Button type="primary" size="small" onClick={() => onAdd(person)}>
            {t('search.add')}
          </Button>
          <BlockButton userId={person.id} nickname={person.nickname} />
        </Space>
      );
  }
}

function Results({ q, onAdd }: { q: string; onAdd: (person: Person) => void }) {
  const { t } = useTranslation('friends');
  const people = usePeopleSearch(q);
  return (
    <QueryState query={people}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('search.none', { q })} />;
        return (
          <>
            <List
              aria-label={t('search.results')}
              dataSource={items}
              rowKey="id"
              renderItem={(person) => (
                <List.Item>
                  <div className="kj-friend-row">
                    <Space orientation="vertical" size={0}>
                      <UserLink user={person} />
                      <Typography.Text type="secondary">@{person.username}</Typography.Text>
                    </Space>
                    <PersonActions person={person} onAdd={onAdd} />
                  </div>
                </List.Item>
              )}
            />
            <LoadMore query={people} />
          </>
        );
      }}
    </QueryState>
  );
}

/** Finds people by username or nickname and offers what fits how I stand to each. */
export function PeopleSearch() {
  const { t } = useTranslation('friends');
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<Person | null>(null);
  return (
    <>
      <label htmlFor="people-search" className="kj-visually-hidden">
        {t('search.label')}
      </label>
      <Input.Search
        id="people-search"
        placeholder={t('search.placeholder')}
        enterButton={t('search.button')}
        allowClear
        maxLength={50}
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 16 }}
      />
      {q ? <Results q={q} onAdd={setAdding} /> : <Empty description={t('search.hint')} />}
      <AddFriendDialog person={adding} onClose={() => setAdding(null)} />
    </>
  );
}
