import type { LlmProvider } from "@/generated/prisma/enums";

/** The public name of a provider (SPEC §1 spells `azure-openai`; Prisma enums cannot hold a dash). */
export function providerName(provider: LlmProvider): string {
  return provider.replace(/_/g, "-");
}
