import { FlagOutlined } from '@ant-design/icons';
import { api, call, problemMessage } from '@kongjian/client';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ReportSubject = 'post' | 'comment' | 'photo';

/** "Report" on a post, comment or photo: asks why, sends it to the moderators, and says so. */
export function ReportButton({ subjectType, subjectId }: { subjectType: ReportSubject; subjectId: string }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const report = useMutation({
    mutationFn: (reason: string) => call(api.POST('/reports', { body: { subjectType, subjectId, reason } })),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('report.sent'));
    },
  });
  return (
    <>
      <Button type="text" size="small" icon={<FlagOutlined />} onClick={() => setOpen(true)}>
        {t('report.action')}
      </Button>
      <Modal
        title={t(`report.title.${subjectType}`)}
        open={open}
        okText={t('report.submit')}
        confirmLoading={report.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden={false}
      >
        <Form form={form} layout="vertical" onFinish={({ reason }) => report.mutate(reason.trim())}>
          <Form.Item
            name="reason"
            label={t('report.reason')}
            rules={[{ required: true, whitespace: true, message: t('report.reasonRequired') }]}
            validateStatus={report.isError ? 'error' : undefined}
            help={report.isError ? problemMessage(report.error, t) : undefined}
          >
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
