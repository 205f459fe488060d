import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type Crumb = { to: string; label: string };

/** Title, a trail back to where the page sits, and the page's main actions. */
export function PageHeader({
  title,
  crumbs = [],
  actions,
  children,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-header">
      {crumbs.length > 0 ? (
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header__row">
        <h1>{title}</h1>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
