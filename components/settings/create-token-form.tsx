"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createAccessTokenAction } from "@/app/(workspace)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  createAccessTokenSchema,
  MAX_TOKEN_LIFETIME_DAYS,
  type CreateAccessTokenInput,
} from "@/lib/validations/access-token";
import { NewTokenNotice } from "./new-token-notice";

export function CreateTokenForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const form = useForm<CreateAccessTokenInput>({
    resolver: zodResolver(createAccessTokenSchema),
    defaultValues: { name: "", expiresInDays: undefined },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setCreated(null);
    const result = await createAccessTokenAction(values);
    if (!result.ok) return setError(result.error.message);
    setCreated({ token: result.data.token, name: result.data.name });
    form.reset();
    router.refresh();
  });

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>Create a token</CardTitle>
        <CardDescription>
          Name it after where it will be used, so you know what breaks when you revoke it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {created && <NewTokenNotice token={created.token} name={created.name} onDismiss={() => setCreated(null)} />}
        <form onSubmit={onSubmit} className="grid gap-3" noValidate>
          {error && <Alert variant="destructive">{error}</Alert>}
          <div className="grid items-start gap-3 sm:grid-cols-[2fr_1fr]">
            <FormField id="token-name" label="Name" error={errors.name?.message}>
              <Input placeholder="e.g. CI export job" autoComplete="off" {...form.register("name")} />
            </FormField>
            <FormField
              id="token-expiry"
              label="Expires after (days)"
              hint="Leave empty for a token that never expires."
              error={errors.expiresInDays?.message}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_TOKEN_LIFETIME_DAYS}
                placeholder="never"
                {...form.register("expiresInDays", {
                  setValueAs: (value: string) => (value === "" ? undefined : Number(value)),
                })}
              />
            </FormField>
          </div>
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Creating…" : "Create token"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
