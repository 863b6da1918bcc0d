"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** The app's one toast region (sonner: a polite live region, keyboard reachable with Alt+T). */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      toastOptions={{ classNames: { description: "!text-current" } }}
    />
  );
}
