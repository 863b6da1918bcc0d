import { z } from "zod";

// URLs typed into forms (LLM endpoints, agent webhooks). Stored in plain text and exported in
// bundles, so credentials embedded in a URL are refused rather than leaked.

export function httpUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL, e.g. https://example.com/path.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an http:// or https:// URL.";
  if (url.username || url.password) return "Do not put credentials in the URL.";
  return null;
}

/**
 * A stored URL (agent webhook, LLM endpoint) as a bundle carries it: the forms' rule, so an import
 * cannot store what the forms refuse (e.g. `javascript:`). The pattern states it in the JSON Schema.
 */
export const httpUrlSchema = z
  .string()
  .max(2_000)
  .regex(/^https?:\/\//i, "Use an http:// or https:// URL.")
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
