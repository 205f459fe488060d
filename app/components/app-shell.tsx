import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SessionUser } from "~/models/session.server";
import { roleAllows } from "~/utils/roles";

type NavItem = { to: string; label: string; needs?: "editor" | "admin" };

/** Every page in the main navigation. Only pages that exist are listed. */
const navigation: NavItem[] = [
  { to: "/", label: "Dashboard" },
  { to: "/partners", label: "Partners" },
  { to: "/meetings", label: "Meetings" },
  { to: "/reviews", label: "Reviews" },
  { to: "/actions", label: "Actions" },
  { to: "/projects", label: "Projects" },
  { to: "/contributors", label: "Contributors" },
  { to: "/volunteers", label: "Volunteers" },
  { to: "/benefits", label: "Benefits" },
  { to: "/checklist", label: "Checklist" },
  { to: "/assessments", label: "Self-assessment" },
  { to: "/reports/volunteers", label: "Reports" },
  { to: "/imports", label: "Imports", needs: "editor" },
  { to: "/users", label: "Users", needs: "admin" },
  { to: "/settings", label: "Settings", needs: "admin" },
];

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="site-name" href="/">
            Partnership tracker
          </a>
          <Form
            method="get"
            action="/search"
            className="site-search"
            role="search"
            aria-label="Search partners, people and projects"
          >
            <label htmlFor="site-search-q" className="visually-hidden">
              Search partners, people and projects
            </label>
            <input
              id="site-search-q"
              type="search"
              name="q"
              placeholder="Search partners, people, projects"
            />
            <button type="submit" className="button">
              Search
            </button>
          </Form>
          <div className="user-menu">
            <NavLink to="/profile" className="user-menu__name">
              {user.name}
              <span className="visually-hidden">, your profile</span>
            </NavLink>
            <span className="badge">{roleLabel[user.role]}</span>
            <Form method="post" action="/logout">
              <button type="submit" className="button button--link">
                Sign out
              </button>
            </Form>
          </div>
        </div>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {navigation
              .filter((item) => !item.needs || roleAllows(user.role, item.needs))
              .map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export const roleLabel: Record<SessionUser["role"], string> = {
  admin: "Administrator",
  editor: "Editor",
  viewer: "Viewer",
};
