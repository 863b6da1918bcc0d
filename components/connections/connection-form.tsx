"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { saveConnectionAction } from "@/app/(workspace)/t/[tenant]/connections/actions";
import { CheckboxField, credentialHint } from "@/components/shared/checkbox-field";
import { FormFooter } from "@/components/shared/form-footer";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ConnectionType } from "@/generated/prisma/enums";
import { applyActionError } from "@/lib/forms/apply-action-error";
import {
  connectionFormDefaults,
  connectionInputSchema,
  newConnectionConfig,
  type ConnectionFormValues,
} from "@/lib/validations/connection";
import {
  CONNECTION_FIELDS,
  CONNECTION_SECRETS,
  CONNECTION_TYPE_LABELS,
  CONNECTION_TYPES,
} from "@/lib/validations/connection-fields";

export interface EditableConnection {
  name: string;
  type: ConnectionType;
  config: Record<string, unknown>;
  hasSecret: boolean;
}

/** Create (no `existing`) or edit a tenant connection. The secret is write-only. */
export function ConnectionForm({
  tenantSlug,
  existing,
  onDone,
}: {
  tenantSlug: string;
  existing?: EditableConnection;
  onDone: () => void;
}) {
  const form = useForm<ConnectionFormValues>({
    resolver: zodResolver(connectionInputSchema, undefined, { raw: true }),
    defaultValues: connectionFormDefaults(existing),
  });
  const { errors, isSubmitting } = form.formState;
  const type = useWatch({ control: form.control, name: "type" });
  const secret = CONNECTION_SECRETS[type];
  const configErrors = errors.config as Record<string, { message?: string } | undefined> | undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveConnectionAction(tenantSlug, existing?.name ?? null, values);
    if (result.ok) onDone();
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <FormField
        id="connection-name"
        label="Name"
        hint="Unique in the tenant; models and bundles refer to the connection by this name."
        error={errors.name?.message}
      >
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      {existing ? (
        <FormField id="connection-type" label="Type" hint="The type cannot change once created.">
          <Input value={CONNECTION_TYPE_LABELS[existing.type]} readOnly disabled />
        </FormField>
      ) : (
        <FormField id="connection-type" label="Type" error={errors.type?.message}>
          <NativeSelect
            {...form.register("type", {
              onChange: (event) => form.setValue("config", newConnectionConfig(event.target.value as ConnectionType)),
            })}
          >
            {CONNECTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {CONNECTION_TYPE_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      )}
      <div className="grid items-start gap-3 sm:grid-cols-2">
        {CONNECTION_FIELDS[type].map((field) => (
          <FormField
            key={`${type}-${field.key}`}
            id={`connection-config-${field.key}`}
            label={field.required ? field.label : `${field.label} (optional)`}
            error={configErrors?.[field.key]?.message}
          >
            <Input
              placeholder={field.placeholder}
              autoComplete="off"
              inputMode={field.kind === "port" ? "numeric" : undefined}
              {...form.register(`config.${field.key}`)}
            />
          </FormField>
        ))}
      </div>
      <FormField
        id="connection-options"
        label="Other settings (optional)"
        hint='Any other driver settings as a JSON object, e.g. { "sslmode": "require" }.'
        error={errors.options?.message}
      >
        <Textarea className="min-h-16 font-mono text-xs" spellCheck={false} {...form.register("options")} />
      </FormField>
      <FormField
        id="connection-secret"
        label={secret.label}
        hint={credentialHint(!!existing?.hasSecret, "secret")}
        error={errors.secret?.message}
      >
        {secret.multiline ? (
          <Textarea
            className="min-h-24 font-mono text-xs"
            spellCheck={false}
            autoComplete="off"
            {...form.register("secret")}
          />
        ) : (
          <Input type="password" autoComplete="new-password" {...form.register("secret")} />
        )}
      </FormField>
      {existing?.hasSecret && (
        <CheckboxField
          control={form.control}
          name="clearSecret"
          id="connection-clear-secret"
          label="Clear the stored secret (the connection becomes pending credentials)"
        />
      )}
      <FormFooter
        error={errors.root?.server?.message}
        pending={isSubmitting}
        submitLabel={existing ? "Save connection" : "Create connection"}
        pendingLabel={existing ? "Saving…" : "Creating…"}
      />
    </form>
  );
}
