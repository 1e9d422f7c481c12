import { type ReactNode, Suspense, useState } from 'react';

/**
 * Mounts a lazily loaded dialog only when it is first opened, so its code (Modal, Form, Select…) is not part
 * of the page that shows the button; after that it stays mounted, so what was typed survives closing it.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
