// A module of its own so that LazyTooltip's chunk is Tooltip and floating-ui alone: a dynamic
// import of '@mantine/core' itself made its whole index a chunk the first screen loaded.
export { Tooltip } from '@mantine/core';
import '@mantine/core/styles/Tooltip.css';
