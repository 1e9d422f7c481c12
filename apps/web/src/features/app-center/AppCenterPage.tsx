/** Placeholder until this page is built. */
export default function AppCenterPage() {
  return <div className="kj-page">AppCenterPage</div>;
}
