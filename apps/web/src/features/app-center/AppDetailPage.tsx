/** Placeholder until this page is built. */
export default function AppDetailPage() {
  return <div className="kj-page">AppDetailPage</div>;
}
