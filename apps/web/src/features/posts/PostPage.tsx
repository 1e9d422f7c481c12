/** Placeholder until this page is built. */
export default function PostPage() {
  return <div className="kj-page">PostPage</div>;
}
