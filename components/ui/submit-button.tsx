"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that disables itself while its form is pending, so one click submits once. */
export function SubmitButton({
  label,
  pendingLabel,
  className,
}: {
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
