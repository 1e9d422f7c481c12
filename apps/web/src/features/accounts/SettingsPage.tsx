/** Placeholder until this page is built. */
export default function SettingsPage() {
  return <div className="kj-page">SettingsPage</div>;
}
