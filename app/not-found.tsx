import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main-content" tabIndex={-1} className="outline-none mx-auto grid max-w-md gap-3 p-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-muted-foreground">
        This page does not exist, or you do not have access to it. Ask a tenant admin if you expected to see it.
      </p>
      <Link href="/" className="text-sm text-primary underline">
        Back to your workspace
      </Link>
    </main>
  );
}
