/** Placeholder until this page is built. */
export default function FriendsPage() {
  return <div className="kj-page">FriendsPage</div>;
}
