"use server";

import { cookies } from "next/headers";
import { signIn } from "@/lib/auth/sign-in";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { requestMeta } from "@/lib/http/request-meta";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validations/auth";

export async function signInAction(input: unknown): Promise<ActionResult> {
  return runAction("signIn", async () => {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Check the form.");
    const meta = await requestMeta();
    const session = await signIn({ ...parsed.data, ip: meta.ip });
    (await cookies()).set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: meta.secure,
      path: "/",
      expires: session.expiresAt,
    });
    return undefined;
  });
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  await deleteSession(store.get(SESSION_COOKIE)?.value);
  store.delete(SESSION_COOKIE);
}
