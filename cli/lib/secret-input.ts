import { readFile } from "node:fs/promises";
import readline from "node:readline";
import { AppError } from "@/lib/errors";
import { CancelledError } from "./command";

// Secrets (passwords, passphrases) reach the CLI from a file or a hidden prompt, never from
// argv: arguments show up in `ps`, shell history and CI logs.

/** Reads a secret from a file, dropping one trailing newline (as `echo secret > file` leaves). */
export async function readSecretFile(file: string, flag: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "it cannot be read";
    throw new AppError("INVALID_OPTIONS", `${flag}: "${file}" cannot be used: ${reason}.`);
  }
  const secret = text.replace(/\r?\n$/, "");
  if (!secret) throw new AppError("INVALID_OPTIONS", `${flag}: "${file}" is empty.`);
  return secret;
}

/**
 * The secret from `file` when given, else typed at a hidden prompt (twice when `confirm` is
 * set). Without a terminal to prompt on, the file option is required.
 */
export async function readSecret(options: {
  file?: string;
  flag: string;
  prompt: string;
  confirm?: string;
}): Promise<string> {
  if (options.file !== undefined) return readSecretFile(options.file, options.flag);
  if (!process.stdin.isTTY)
    throw new AppError("INVALID_OPTIONS", `There is no terminal to ask for the secret on: pass ${options.flag} FILE.`);
  const secret = await promptHidden(options.prompt);
  if (options.confirm !== undefined && (await promptHidden(options.confirm)) !== secret) {
    throw new AppError("INVALID_INPUT", "The two entries do not match.");
  }
  return secret;
}

/** Asks on stderr and reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("keypress", onKeypress);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onKeypress = (text: string | undefined, key: readline.Key | undefined) => {
      if (key?.ctrl && (key.name === "c" || key.name === "d")) return finish(new CancelledError("Cancelled."));
      if (key?.name === "return" || key?.name === "enter") return finish();
      if (key?.name === "backspace") {
        value = value.slice(0, -1);
        return;
      }
      if (text && !key?.ctrl && !key?.meta && !/[\u0000-\u001f\u007f]/.test(text)) value += text;
    };
    // Raw mode before the question: nothing typed after it appears may be echoed.
    readline.emitKeypressEvents(stdin);
    stdin.setRawMode(true);
    stdin.on("keypress", onKeypress);
    stdin.resume();
    process.stderr.write(question);
  });
}
