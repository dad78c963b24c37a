/** The dashboard's shape while its figures load: no layout jump when they arrive. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading analytics" className="animate-pulse space-y-5">
      <div className="h-8 w-48 rounded bg-zinc-200" />
      <div className="h-9 w-full max-w-xl rounded bg-zinc-100" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 rounded-xl bg-zinc-100" />
        ))}
      </div>
      <div className="h-72 rounded-xl bg-zinc-100" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-48 rounded-xl bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}
