import { api, call, problemMessage } from '@kongjian/client';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportSubject } from './ReportButton';

/** Asks why a post, comment or photo should be looked at, sends it to the moderators, and says so. */
export default function ReportDialog({
  subjectType,
  subjectId,
  open,
  onClose,
}: {
  subjectType: ReportSubject;
  subjectId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const report = useMutation({
    mutationFn: (reason: string) => call(api.POST('/reports', { body: { subjectType, subjectId, reason } })),
    onSuccess: () => {
      onClose();
      form.resetFields();
      void message.success(t('report.sent'));
    },
  });
  return (
    <Modal
      title={t(`report.title.${subjectType}`)}
      open={open}
      okText={t('report.submit')}
      confirmLoading={report.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
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
  );
}
