import { Link } from 'react-router';

/**
 * The sections of one page as links (each its own URL, so a reload or a shared link keeps it), wrapping onto
 * a second line on a phone instead of hiding some behind a "more" button.
 */
export function SectionNav({
  label,
  current,
  sections,
  replace = true,
}: {
  label: string;
  current: string | undefined;
  sections: { key: string; label: string; to: string }[];
  /** Sections of one page replace each other in the history; pages do not. */
  replace?: boolean;
}) {
  return (
    <nav aria-label={label} className="kj-sections">
      {sections.map((section) => (
        <Link
          key={section.key}
          to={section.to}
          replace={replace}
          aria-current={section.key === current ? 'page' : undefined}
          className="kj-section"
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
