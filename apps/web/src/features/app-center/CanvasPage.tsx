/** Placeholder until this page is built. */
export default function CanvasPage() {
  return <div className="kj-page">CanvasPage</div>;
}
