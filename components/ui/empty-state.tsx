import type { LucideIcon } from "lucide-react";

export function EmptyState({ icon: Icon, title, children, action }: { icon: LucideIcon; title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-zinc-50/60 px-6 py-14 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-accent-50 text-accent-600">
        <Icon aria-hidden className="size-6" />
      </span>
      <h2 className="mt-4 text-base font-semibold text-zinc-900">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-zinc-600">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
