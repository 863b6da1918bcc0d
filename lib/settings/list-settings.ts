import "server-only";
import { db } from "@/lib/db";

export interface SettingItem {
  key: string;
  value: unknown;
}

export async function listSettings(options: { projectId: string }): Promise<SettingItem[]> {
  return db.projectSetting.findMany({
    where: { projectId: options.projectId },
    orderBy: { key: "asc" },
    select: { key: true, value: true },
  });
}
