import { Alert, Anchor, Badge, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Alert.css';
import { useState } from 'react';
import { setupHelpFor, setupSteps } from '../../../src-shared/domain/google-setup.ts';
import { useChannels } from '../../state/channels-store.ts';

/**
 * The guided Google Cloud setup for a first-time user: the five steps of
 * `dropline setup`, each with its console page. When Google answered one of
 * the known first-run errors, the step that fixes it is marked and said in
 * plain words above the list.
 */
export function SetupGuide() {
  const {
    client,
    channels,
    loaded,
    clientError,
    clientErrorCode,
    connectErrorCode,
    connectMessage,
  } = useChannels();
  const [open, setOpen] = useState(false);
  const help =
    (clientErrorCode && setupHelpFor(clientErrorCode, clientError ?? '')) ||
    (connectErrorCode && setupHelpFor(connectErrorCode, connectMessage?.text ?? '')) ||
    null;
  const firstTime = loaded && (!client?.configured || channels.length === 0);
  if (!firstTime && !help && !open)
    return (
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
        Google setup guide
      </Button>
    );
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="setup-guide-title"
      data-testid="setup-guide"
    >
      <Stack gap="sm">
        <Title order={3} id="setup-guide-title">
          Set up Google once
        </Title>
        <Text size="sm">
          YouTube uploads go through your own Google Cloud project (its quota is yours alone). It
          takes about ten minutes, once; then connect each channel with a click.
        </Text>
        {help && (
          <Alert
            color="red"
            title="What Google’s answer means"
            data-testid="setup-help"
            role="alert"
          >
            <Text size="sm">{help.words}</Text>
            <Anchor
              href={help.url}
              target="_blank"
              rel="noreferrer"
              size="sm"
              data-testid="setup-help-link"
            >
              {help.step === null ? 'Open YouTube' : `Step ${help.step}: open the page`}
            </Anchor>
          </Alert>
        )}
        <List type="ordered" spacing="sm">
          {setupSteps.map((step) => {
            const fixes = help?.step === step.n;
            return (
              <List.Item
                key={step.n}
                data-testid="setup-step"
                data-step={step.n}
                data-fixes={fixes ? 'true' : undefined}
              >
                <Text fw={600} size="sm">
                  {step.title}{' '}
                  {fixes && (
                    <Badge color="red" size="sm">
                      this step fixes it
                    </Badge>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {step.detail}
                </Text>
                <Anchor href={step.url} target="_blank" rel="noreferrer" size="sm">
                  {step.url}
                </Anchor>
              </List.Item>
            );
          })}
        </List>
        {!firstTime && (
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen(false)}>
            Hide the guide
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
