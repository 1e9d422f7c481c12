/** Placeholder until this page is built. */
export default function WalletPage() {
  return <div className="kj-page">WalletPage</div>;
}
