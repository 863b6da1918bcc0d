import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import {
  LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE,
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
  LOGIN_ATTEMPTS_PER_MINUTE,
  withAttemptLimit,
} from "@/lib/security/rate-limit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";

export async function signIn(options: {
  email: string;
  password: string;
  ip: string;
}): Promise<{ token: string; expiresAt: Date }> {
  const email = options.email.trim().toLowerCase();
  const limits = [
    { key: `login:${email}:${options.ip}`, limit: LOGIN_ATTEMPTS_PER_MINUTE },
    // Guesses spread over many addresses still meet the account's own limit.
    { key: `login-account:${email}`, limit: LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE },
    { key: `login-ip:${options.ip}`, limit: LOGIN_ATTEMPTS_PER_IP_PER_MINUTE },
  ];
  const userId = await withAttemptLimit(
    {
      limits,
      what: "sign-in",
      count: "failures",
      isFailure: (error) => isAppError(error) && error.code === "UNAUTHENTICATED",
    },
    async () => {
      const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
      const valid = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid) throw new AppError("UNAUTHENTICATED", "That email and password do not match an account.");
      return user.id;
    },
  );
  return createSession(userId);
}
