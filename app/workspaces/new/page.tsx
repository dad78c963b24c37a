import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { Card } from "@/components/ui/card";
import { CreateWorkspaceForm } from "@/components/settings/create-workspace-form";
import { requireUser } from "@/lib/auth/guards";
import { listWorkspacesForUser } from "@/lib/workspaces/list-workspaces";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const user = await requireUser("/workspaces/new");
  const existing = await listWorkspacesForUser(user.id);
  return (
    <div className="min-h-dvh bg-zinc-50 px-4 py-6">
      <Logo href="/dashboard" />
      <div className="mx-auto mt-10 max-w-sm">
        <h1 className="text-2xl font-semibold tracking-tight">New workspace</h1>
        <p className="mb-6 mt-1 text-sm text-zinc-600">A workspace holds a team&apos;s links, campaigns, QR codes, bio pages and analytics.</p>
        <Card>
          <CreateWorkspaceForm action={createWorkspaceAction} />
        </Card>
        {existing.length > 0 && (
          <p className="mt-4 text-center text-sm">
            <Link href="/dashboard" className="font-medium text-accent-700 hover:underline">Back to your workspaces</Link>
          </p>
        )}
      </div>
    </div>
  );
}
