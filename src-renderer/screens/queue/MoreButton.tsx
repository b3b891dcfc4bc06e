import { ActionIcon } from '@mantine/core';
import { MoreHorizontal } from 'lucide-react';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

/** A job's More button: the menu's target, and its stand-in while the menu loads. */
export const MoreButton = forwardRef<
  HTMLButtonElement,
  { title: string } & ComponentPropsWithoutRef<'button'>
>(function MoreButton({ title, ...rest }, ref) {
  return (
    <ActionIcon ref={ref} variant="subtle" aria-label={`More actions for ${title}`} {...rest}>
      <MoreHorizontal size={16} />
    </ActionIcon>
  );
});
