import { CheckCircleOutlined } from '@ant-design/icons';
import { useScopeWords } from '@kongjian/client';
import { Checkbox, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scope } from './queries';

/** What an app may do (or asks to do), one line each. */
export function ScopeList({ scopes }: { scopes: Scope[] }) {
  const words = useScopeWords();
  return (
    <List
      size="small"
      dataSource={scopes}
      renderItem={(scope) => (
        <List.Item>
          <Typography.Text>
            <CheckCircleOutlined aria-hidden style={{ color: '#389e0d', marginRight: 8 }} />
            {words(scope)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/**
 * The consent list: required scopes are ticked and fixed, optional ones the person may untick. With `markNew`,
 * each carries a "new" tag (an upgrade asking for what the person has not allowed before).
 */
export function ScopeConsent({
  scopes,
  declined,
  onChange,
  markNew = false,
}: {
  scopes: { scope: Scope; optional: boolean }[];
  declined: Scope[];
  onChange: (declined: Scope[]) => void;
  markNew?: boolean;
}) {
  const { t } = useTranslation('apps');
  const words = useScopeWords();
  const mark = markNew && <Tag color="blue">{t('detail.newTag')}</Tag>;
  return (
    <List
      size="small"
      dataSource={scopes}
      renderItem={({ scope, optional }) => (
        <List.Item>
          {optional ? (
            <Checkbox
              checked={!declined.includes(scope)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? declined.filter((one) => one !== scope) : [...declined, scope],
                )
              }
            >
              {mark}
              {words(scope)} <Typography.Text type="secondary">({t('detail.optional')})</Typography.Text>
            </Checkbox>
          ) : (
            <Typography.Text>
              <CheckCircleOutlined aria-hidden style={{ color: '#389e0d', marginRight: 8 }} />
              {mark}
              {words(scope)}
            </Typography.Text>
          )}
        </List.Item>
      )}
    />
  );
}
