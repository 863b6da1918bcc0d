export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid max-w-5xl gap-3">
      <div className="h-7 w-64 animate-pulse rounded bg-muted" />
      <div className="h-4 w-96 animate-pulse rounded bg-muted" />
      <div className="h-40 animate-pulse rounded-lg bg-muted" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
