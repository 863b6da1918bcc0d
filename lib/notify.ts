"use client";

import { toast } from "sonner";

// The one way client code tells the user that something happened (deploy, refresh, export,
// save, import, revoke…). The Toaster lives in the root layout, so any client component can call it.

export interface NotifyOptions {
  /** A second line: counts, names, what to do next. */
  description?: string;
}

export const notify = {
  success: (message: string, options: NotifyOptions = {}) => toast.success(message, options),
  error: (message: string, options: NotifyOptions = {}) => toast.error(message, options),
  info: (message: string, options: NotifyOptions = {}) => toast.info(message, options),
};
