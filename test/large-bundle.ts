import { largeSnapshot } from "@/lib/demo/semantic-model";

// A large, valid project bundle (no connections, so it imports anywhere without a mapping) for
// tests that need an import or export to take a while: concurrency and the kill test.

export interface LargeBundleOptions {
  slug: string;
  models: number;
  versionsPerModel: number;
  snapshotBytes: number;
  /** Goes into names and snapshots, so two bundles of one project differ everywhere. */
  label: string;
}

export function largeProjectBundle(options: LargeBundleOptions): string {
  const models = Array.from({ length: options.models }, (_, index) => {
    const slug = `model-${String(index).padStart(3, "0")}`;
    const snapshot = (revision: number) => ({
      ...largeSnapshot({ slug, index, revision, targetBytes: options.snapshotBytes }),
      label: options.label,
    });
    return {
      slug,
      name: `${options.label} model ${index}`,
      connection: null,
      deployedVersion: null,
      draft: snapshot(options.versionsPerModel),
      versions: Array.from({ length: options.versionsPerModel }, (_, v) => ({
        number: v + 1,
        message: `${options.label} revision ${v + 1}`,
        author: "bench@ferry.test",
        createdAt: new Date(Date.UTC(2026, 0, 1 + v)).toISOString(),
        snapshot: snapshot(v + 1),
      })),
      aggregates: [{ name: "daily", definition: { label: options.label, refresh: "daily" } }],
      pockets: [{ name: "recent", definition: { label: options.label } }],
    };
  });
  return JSON.stringify({
    format: "ferry.project",
    version: 1,
    scope: "project",
    meta: { exportedBy: "bench@ferry.test", source: { tenant: "bench", instance: "tests" } },
    project: { slug: options.slug, displayName: `${options.label} project`, active: true },
    sections: ["settings"],
    settings: [{ key: "label", value: options.label }],
    models,
  });
}
