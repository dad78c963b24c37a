import { Logo } from "@/components/logo";
import { CommandMenu } from "@/components/dashboard/command-menu";
import { NavLinks } from "@/components/dashboard/nav-links";
import { UserMenu } from "@/components/dashboard/user-menu";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listWorkspacesForUser } from "@/lib/workspaces/list-workspaces";

/** The dashboard shell. Each page still checks its own permission. */
export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/links`);
  if (access.caller.kind !== "user") throw new Error("unreachable: pages are for signed-in users");
  const user = access.caller.user;
  const workspaces = await listWorkspacesForUser(user.id);
  const current = { slug: access.workspace.slug, name: access.workspace.name, role: access.role };

  return (
    <div className="min-h-dvh bg-zinc-50 lg:flex">
      <a href="#main" className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium text-accent-700 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3">
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 flex-col border-r border-zinc-200 bg-white px-3 py-4 lg:flex">
        <div className="px-2 pb-4">
          <Logo href="/dashboard" />
        </div>
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
        <nav aria-label="Workspace" className="mt-4">
          <NavLinks slug={slug} orientation="vertical" />
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur">
          <div className="flex items-center gap-3 px-4 py-3 sm:px-6">
            <div className="lg:hidden">
              <Logo href="/dashboard" />
            </div>
            <div className="min-w-0 flex-1 lg:hidden">
              <WorkspaceSwitcher current={current} workspaces={workspaces} />
            </div>
            <div className="hidden flex-1 lg:block" />
            <CommandMenu slug={slug} canWrite={can(access.role, "links.write")} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} />
            <UserMenu email={user.email} name={user.name} image={user.image} />
          </div>
          <nav aria-label="Workspace sections" className="lg:hidden">
            <NavLinks slug={slug} orientation="horizontal" />
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 outline-none sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
