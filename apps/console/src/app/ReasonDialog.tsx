import { ProblemAlert } from '@kongjian/client';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Asks the reason for an admin's decision: required where the other side must be told why (rejecting,
 * suspending, taking down), optional otherwise. A refusal from the host shows in the dialog, which stays open.
 */
export function ReasonDialog({
  title,
  ok,
  required,
  label,
  pending,
  error,
  onDecide,
  onClose,
}: {
  title: string;
  ok: string;
  required: boolean;
  /** Says who will read the reason, when it is not the other side (the default wording). */
  label?: string;
  pending: boolean;
  error: unknown;
  onDecide: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('console');
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open
      title={title}
      okText={ok}
      okButtonProps={{ danger: required }}
      cancelText={t('common:cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onDecide(reason?.trim() ?? '')}>
        <Form.Item
          name="reason"
          label={label ?? t(required ? 'reason.required' : 'reason.optional')}
          rules={required ? [{ required: true, whitespace: true, message: t('reason.missing') }] : []}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
