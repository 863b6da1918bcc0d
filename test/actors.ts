import { loadActorByEmail, type Actor } from "@/lib/auth/actor";

/** Loads a demo user as an authenticated actor (tests act as real users, not mocks). */
export async function actorFor(email: string, via: Actor["via"] = "session"): Promise<Actor> {
  const actor = await loadActorByEmail(email, via);
  if (!actor) throw new Error(`No demo user ${email}`);
  return actor;
}
