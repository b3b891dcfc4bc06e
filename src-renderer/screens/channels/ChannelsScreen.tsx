import { EmptyState } from '../../components/EmptyState.tsx';

export function ChannelsScreen() {
  return (
    <EmptyState title="Channels">
      <p>Connect each of your YouTube channels once, with Google sign-in in your own browser.</p>
      <p>
        Dropline keeps each channel's access fresh, tells you when one needs you again, and never
        shows its tokens to anyone.
      </p>
    </EmptyState>
  );
}
