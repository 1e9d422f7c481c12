/** Placeholder until this page is built. */
export default function FeedPage() {
  return <div className="kj-page">FeedPage</div>;
}
