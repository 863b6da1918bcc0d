import { LinkIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { describeSource, type ReferenceSource } from "@/lib/projects/reference";
import { formatUtc } from "@/lib/utils";
import { DetachProjectButton } from "./detach-project-button";

/** The notice on every tab of a reference project (SPEC §13): its source, why it is read-only, Detach…. */
export function ReferenceNotice({
  tenantSlug,
  projectSlug,
  source,
  canDetach,
}: {
  tenantSlug: string;
  projectSlug: string;
  source: ReferenceSource;
  canDetach: boolean;
}) {
  return (
    <Alert variant="info">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="min-w-0 flex-1 basis-72">
          <LinkIcon className="mr-1 inline size-4 align-text-bottom" aria-hidden />
          <strong>Reference of {describeSource(source)}</strong>
          {source.exportedAt ? `, as exported ${formatUtc(new Date(source.exportedAt))}` : ""}. Its configuration is
          read-only here: update it by importing a bundle from that source (replace or merge). Deploy, refresh and
          entering credentials work as usual.
        </p>
        {canDetach && <DetachProjectButton tenantSlug={tenantSlug} projectSlug={projectSlug} source={source} />}
      </div>
    </Alert>
  );
}
