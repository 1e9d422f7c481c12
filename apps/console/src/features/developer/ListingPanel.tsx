import { ProblemAlert } from '@kongjian/client';
import { App as AntApp, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type App, CATEGORIES, type Listing, useUpdateListing } from './queries';

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
      <Form.Item name="iconUrl" label={t('listing.iconUrl')}>
        <Input placeholder="https://example.com/icon.png" />
      </Form.Item>
    </>
  );
}

/** How the app shows in the app center: name, description, category, icon. Changes show at once. */
export function ListingPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const { message } = AntApp.useApp();
  const update = useUpdateListing(app.id);
  return (
    <Form<Listing>
      layout="vertical"
      initialValues={{
        name: app.name,
        description: app.description,
        category: app.category,
        iconUrl: app.iconUrl,
      }}
      onFinish={(values) =>
        update.mutate(
          { ...values, name: values.name.trim(), iconUrl: values.iconUrl?.trim() || null },
          { onSuccess: () => void message.success(t('listing.saved')) },
        )
      }
    >
      <ListingFields />
      {update.isError && <ProblemAlert error={update.error} />}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('listing.save')}
      </Button>
    </Form>
  );
}
