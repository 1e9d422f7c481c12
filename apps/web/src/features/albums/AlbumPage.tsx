/** Placeholder until this page is built. */
export default function AlbumPage() {
  return <div className="kj-page">AlbumPage</div>;
}
