import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface UserRef {
  id: string;
  email: string;
  name: string;
}

/** The user with this email (case-insensitive), or NOT_FOUND. */
export async function requireUserByEmail(options: { email: string; tx?: Tx }): Promise<UserRef> {
  const email = options.email.trim().toLowerCase();
  const user = await (options.tx ?? db).user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw new AppError("NOT_FOUND", `No user has the email "${email}".`);
  return user;
}
