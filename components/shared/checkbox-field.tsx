"use client";

import { Controller, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

/** A boolean form value as a labelled Radix checkbox. */
export function CheckboxField<T extends FieldValues>({
  control,
  name,
  id,
  label,
}: {
  control: Control<T>;
  name: FieldPathByValue<T, boolean>;
  id: string;
  label: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div className="flex items-center gap-2">
          <Checkbox id={id} checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
          <Label htmlFor={id} className="font-normal">
            {label}
          </Label>
        </div>
      )}
    />
  );
}

/** The hint under a write-only credential field. */
export function credentialHint(stored: boolean, what: string): string {
  return stored
    ? `A ${what} is stored. Leave blank to keep it; it is never shown again.`
    : "Stored encrypted and never shown again. Leave blank to add it later (status: pending credentials).";
}
