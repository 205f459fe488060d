import type { ReactNode } from "react";

/** A confirmation after something was done, announced to screen readers. */
export function Notice({
  children,
  tone = "success",
}: {
  children: ReactNode;
  tone?: "success" | "info" | "warning";
}) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}
