"use client";

import { PencilIcon, PlusIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";
import { ConfirmDeleteButton } from "./confirm-delete-button";
import { FormDialog } from "./form-dialog";

// The create button and the per-row edit/delete buttons every list tab shares. `form` renders
// the feature's form and is given the dialog's close function for when it has saved.

type FormRenderer = (close: () => void) => ReactNode;

export function NewItemButton({
  label,
  description,
  wide,
  form,
}: {
  label: string;
  description: ReactNode;
  wide?: boolean;
  form: FormRenderer;
}) {
  return (
    <FormDialog
      wide={wide}
      title={label}
      description={description}
      trigger={
        <Button>
          <PlusIcon /> {label}
        </Button>
      }
    >
      {form}
    </FormDialog>
  );
}

export function EditDeleteButtons(props: {
  /** How the row is named in button labels ("Edit orders", "Delete orders"). */
  item: string;
  editTitle: string;
  description: ReactNode;
  wide?: boolean;
  form: FormRenderer;
  deleteTitle: string;
  deleteDescription: ReactNode;
  onDelete: () => Promise<ActionResult<unknown>>;
}) {
  return (
    <div className="flex justify-end gap-1">
      <FormDialog
        wide={props.wide}
        title={props.editTitle}
        description={props.description}
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Edit ${props.item}`} title={`Edit ${props.item}`}>
            <PencilIcon />
          </Button>
        }
      >
        {props.form}
      </FormDialog>
      <ConfirmDeleteButton
        label={`Delete ${props.item}`}
        title={props.deleteTitle}
        description={props.deleteDescription}
        action={props.onDelete}
      />
    </div>
  );
}
