import { Anchor, Group } from '@mantine/core';
import { studioUrl, videoUrl } from '../../../src-shared/domain/history.ts';

/** A finished upload's links: the video on YouTube and its edit page in Studio. */
export function VideoLinks({ videoId }: { videoId: string }) {
  return (
    <Group gap="xs" component="span" className="video-links">
      <Anchor
        href={videoUrl(videoId)}
        target="_blank"
        rel="noreferrer"
        size="sm"
        data-testid="video-link"
      >
        {videoUrl(videoId)}
      </Anchor>
      <Anchor
        href={studioUrl(videoId)}
        target="_blank"
        rel="noreferrer"
        size="sm"
        data-testid="studio-link"
      >
        Edit in Studio
      </Anchor>
    </Group>
  );
}
