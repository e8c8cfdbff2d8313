"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

import { Button, type ButtonVariant } from "@/components/ui/button";

type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  className?: string;
  "aria-label"?: string;
};

/** A submit button that is disabled and says what is happening while its form is pending. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  className,
  ...rest
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      className={className}
      disabled={pending}
      aria-disabled={pending}
      {...rest}
    >
      {pending ? pendingLabel : children}
    </Button>
  );
}
