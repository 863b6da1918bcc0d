import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** A new passphrase typed twice (Export…, a snapshot's Download with credentials). */
export function NewPassphraseFields({
  idPrefix,
  passphrase,
  confirmPassphrase,
  errors,
}: {
  idPrefix: string;
  passphrase: UseFormRegisterReturn;
  confirmPassphrase: UseFormRegisterReturn;
  errors: { passphrase?: { message?: string }; confirmPassphrase?: { message?: string } };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id={`${idPrefix}-passphrase`}
        label="Passphrase"
        error={errors.passphrase?.message}
        hint="At least 8 characters. Ferry does not keep it."
      >
        <Input type="password" autoComplete="new-password" {...passphrase} />
      </FormField>
      <FormField
        id={`${idPrefix}-passphrase-confirm`}
        label="Repeat passphrase"
        error={errors.confirmPassphrase?.message}
      >
        <Input type="password" autoComplete="new-password" {...confirmPassphrase} />
      </FormField>
    </div>
  );
}
