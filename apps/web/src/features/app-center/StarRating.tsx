import { StarFilled, StarOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Five buttons, each saying how many stars it gives; the chosen number is pressed. */
export function StarRating({
  value,
  onChange,
  disabled,
}: {
  value: number | null;
  onChange: (stars: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('apps');
  return (
    <Space size={0} role="group" aria-label={t('rating.mine')}>
      {[1, 2, 3, 4, 5].map((stars) => {
        const lit = value !== null && stars <= value;
        return (
          <Button
            key={stars}
            type="text"
            disabled={disabled}
            aria-label={t('rating.stars', { count: stars })}
            aria-pressed={value === stars}
            onClick={() => onChange(stars)}
            icon={
              lit ? (
                <StarFilled style={{ color: '#d48806', fontSize: 22 }} />
              ) : (
                <StarOutlined style={{ color: '#8c8c8c', fontSize: 22 }} />
              )
            }
          />
        );
      })}
    </Space>
  );
}
