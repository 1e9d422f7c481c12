/** Placeholder until this page is built. */
export default function NotificationsPage() {
  return <div className="kj-page">NotificationsPage</div>;
}
