import { ProblemAlert } from '@kongjian/client';
import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  SendOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, Input, Space, Tooltip } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Audience, PrivacyPicker } from '../../components/PrivacyPicker';
import { useCreateBlog } from '../posts/queries';
import { useAudience } from './audience';
import './feed.css';

/** Limits the host enforces on a blog. */
const TITLE_MAX_LENGTH = 200;
const BODY_MAX_LENGTH = 100_000;

function ToolButton({
  label,
  active,
  icon,
  onClick,
}: {
  label: string;
  active: boolean;
  icon: ReactNode;
  onClick: () => void;
}) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'default'}
        aria-label={label}
        aria-pressed={active}
        icon={icon}
        // Keeps the selection in the editor while the toolbar is clicked.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );
}

/**
 * A blog (日志): a title and rich text (bold, italic, headings, lists) in a Tiptap editor. Loaded on demand,
 * so the feed's first load does not carry the editor.
 */
export default function BlogEditor() {
  const { t } = useTranslation('feed');
  const { message } = App.useApp();
  const titleId = useId();
  const bodyLabelId = useId();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<Audience | null>(null);
  const audience = useAudience(chosen);
  const create = useCreateBlog();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': bodyLabelId,
      },
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      empty: current.isEmpty,
    }),
  });

  const publish = () => {
    const body = editor.getHTML();
    if (body.length > BODY_MAX_LENGTH) {
      void message.error(t('blogTooLong'));
      return;
    }
    create.mutate(
      { title: title.trim(), body, audience },
      {
        onSuccess: () => {
          setTitle('');
          editor.commands.clearContent();
          void message.success(t('posted'));
        },
      },
    );
  };

  const chain = () => editor.chain().focus();
  return (
    <div>
      <label htmlFor={titleId} className="kj-visually-hidden">
        {t('blogTitle')}
      </label>
      <Input
        id={titleId}
        value={title}
        placeholder={t('blogTitle')}
        maxLength={TITLE_MAX_LENGTH}
        onChange={(event) => setTitle(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      <div className="kj-editor-toolbar" role="toolbar" aria-label={t('formatting')}>
        <ToolButton
          label={t('bold')}
          active={state.bold}
          icon={<BoldOutlined aria-hidden />}
          onClick={() => chain().toggleBold().run()}
        />
        <ToolButton
          label={t('italic')}
          active={state.italic}
          icon={<ItalicOutlined aria-hidden />}
          onClick={() => chain().toggleItalic().run()}
        />
        <ToolButton
          label={t('heading2')}
          active={state.h2}
          icon={<span aria-hidden>H2</span>}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        />
        <ToolButton
          label={t('heading3')}
          active={state.h3}
          icon={<span aria-hidden>H3</span>}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        />
        <ToolButton
          label={t('bulletList')}
          active={state.bullet}
          icon={<UnorderedListOutlined aria-hidden />}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label={t('orderedList')}
          active={state.ordered}
          icon={<OrderedListOutlined aria-hidden />}
          onClick={() => chain().toggleOrderedList().run()}
        />
      </div>
      <span id={bodyLabelId} className="kj-visually-hidden">
        {t('blogBody')}
      </span>
      <EditorContent editor={editor} className="kj-editor" />
      <div className="kj-composer-bar">
        <Space wrap>
          <PrivacyPicker value={audience} onChange={setChosen} />
        </Space>
        <Button
          type="primary"
          disabled={!title.trim() || state.empty}
          icon={<SendOutlined aria-hidden />}
          loading={create.isPending}
          onClick={publish}
        >
          {t('publishBlog')}
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
