import type { ReactNode } from "react";

/** The frame of pages seen before signing in: first-run setup and sign-in. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header site-header--public">
        <div className="site-header__inner">
          <span className="site-name">Partnership tracker</span>
        </div>
      </header>
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
