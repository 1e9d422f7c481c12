/** Placeholder until this page is built. */
export default function SpacePage() {
  return <div className="kj-page">SpacePage</div>;
}
