import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, LOGIN_ATTEMPTS_PER_MINUTE } from "@/lib/security/rate-limit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";

export async function signIn(options: { email: string; password: string; ip: string }): Promise<{ token: string; expiresAt: Date }> {
  const email = options.email.trim().toLowerCase();
  await consumeRateLimit({
    limits: [
      { key: `login:${email}:${options.ip}`, limit: LOGIN_ATTEMPTS_PER_MINUTE },
      { key: `login-ip:${options.ip}`, limit: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE },
    ],
    what: "sign-in",
  });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) throw new AppError("UNAUTHENTICATED", "That email and password do not match an account.");
  return createSession(user.id);
}
