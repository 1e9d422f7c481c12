import { Link } from 'react-router';

/**
 * The sections of one page as links (each its own URL, so a reload or a shared link keeps it), wrapping onto
 * a second line on a phone instead of hiding some behind a "more" button.
 */
export function SectionNav({
  label,
  current,
  sections,
}: {
  label: string;
  current: string;
  sections: { key: string; label: string; to: string }[];
}) {
  return (
    <nav aria-label={label} className="kj-sections">
      {sections.map((section) => (
        <Link
          key={section.key}
          to={section.to}
          replace
          aria-current={section.key === current ? 'page' : undefined}
          className="kj-section"
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
