import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { actorFromSession, SESSION_COOKIE } from "./sessions";

/** The signed-in user of the current page or server action (once per request). */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const store = await cookies();
  return actorFromSession(store.get(SESSION_COOKIE)?.value);
});

/** For pages: sends anonymous visitors to the login page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For server actions: the same check as the API, answered as an error instead of a redirect. */
export async function requireActionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return actor;
}
