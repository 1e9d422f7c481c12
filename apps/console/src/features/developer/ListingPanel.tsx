import { AppstoreOutlined, UploadOutlined } from '@ant-design/icons';
import { ProblemAlert } from '@kongjian/client';
import { App as AntApp, Avatar, Button, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { type App, CATEGORIES, type Listing, useUpdateListing, useUploadIcon } from './queries';

/** The formats the host re-encodes; anything else it refuses (415). */
const ICON_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

/** The app's icon as the app center shows it, and an upload that replaces it at once. */
export function IconUpload({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const upload = useUploadIcon(app.id);
  // The answer carries the new icon before the app query has refetched (and the page after creating
  // an app has no query at all).
  const iconUrl = upload.data?.iconUrl ?? app.iconUrl;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text strong>{t('icon.title')}</Typography.Text>
      <Space align="center" size={16} wrap>
        <Avatar
          shape="square"
          size={64}
          src={iconUrl ?? undefined}
          icon={<AppstoreOutlined aria-hidden />}
          alt={iconUrl ? t('icon.current', { name: app.name }) : undefined}
        />
        <Upload
          accept={ICON_TYPES}
          showUploadList={false}
          customRequest={({ file }) =>
            upload.mutate(file as File, { onSuccess: () => void message.success(t('icon.done')) })
          }
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {iconUrl ? t('icon.replace') : t('icon.upload')}
          </Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary">{t('icon.help')}</Typography.Text>
      {upload.isError && <ProblemAlert error={upload.error} />}
    </Space>
  );
}

/** The listing's fields inside a form: what people see of the app in the app center. */
export function ListingFields() {
  const { t } = useTranslation('developer');
  return (
    <>
      <Form.Item
        name="name"
        label={t('listing.name')}
        rules={[{ required: true, whitespace: true, message: t('listing.nameRequired') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="description" label={t('listing.description')}>
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="category" label={t('listing.category')}>
        <Select
          options={CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
        />
      </Form.Item>
    </>
  );
}

/** How the app shows in the app center: icon, name, description, category. Changes show at once. */
export function ListingPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const update = useUpdateListing(app.id);
  return (
    <Form<Listing>
      layout="vertical"
      initialValues={{ name: app.name, description: app.description, category: app.category }}
      // The icon changes by upload; the listing is replaced whole, so it is sent back as it is now.
      onFinish={(values) =>
        update.mutate(
          { ...values, name: values.name.trim(), iconUrl: app.iconUrl },
          { onSuccess: () => void message.success(t('listing.saved')) },
        )
      }
    >
      <div style={{ marginBottom: 24 }}>
        <IconUpload app={app} />
      </div>
      <ListingFields />
      {update.isError && <ProblemAlert error={update.error} />}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('listing.save')}
      </Button>
    </Form>
  );
}
